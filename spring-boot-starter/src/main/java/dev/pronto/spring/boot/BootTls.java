package dev.pronto.spring.boot;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import dev.pronto.container.TlsTrustMaterial;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.web.server.Ssl;

/**
 * Maps Boot's SSL bundle (made by Boot from {@code server.ssl.*}, or named by {@code server.ssl.bundle}), the
 * {@code server.ssl.server-name-bundles} and {@code server.ssl.client-auth} to Pronto's {@link TlsConfig}; Boot
 * reads the key stores and PEM files itself. Stateless.
 */
final class BootTls {

    private BootTls() {
    }

    static TlsConfig map(SslBundle bundle, Map<String, SslBundle> serverNameBundles, Ssl ssl,
                         TlsConfig.Provider provider, Duration handshakeTimeout) {
        TlsConfig.Builder tls = TlsConfig.builder()
                .key(key(bundle, "server.ssl"))
                .clientAuth(clientAuth(ssl.getClientAuth()))
                .provider(provider);
        if (handshakeTimeout != null) {
            tls.handshakeTimeout(handshakeTimeout);
        }
        serverNameBundles.forEach((name, named) -> tls.sniKey(name, key(named, "server.ssl.server-name-bundles")));
        KeyStore trustStore = bundle.getStores().getTrustStore();
        if (trustStore != null) {
            tls.trust(TlsTrustMaterial.of(trustStore));
        }
        SslOptions options = bundle.getOptions();
        if (options.getEnabledProtocols() != null && options.getEnabledProtocols().length > 0) {
            tls.protocols(List.of(options.getEnabledProtocols()));
        } else if (bundle.getProtocol() != null && !SslBundle.DEFAULT_PROTOCOL.equals(bundle.getProtocol())) {
            // server.ssl.protocol names one version (e.g. TLSv1.3): with no enabled-protocols it is the only one
            tls.protocols(List.of(bundle.getProtocol()));
        }
        if (options.getCiphers() != null && options.getCiphers().length > 0) {
            tls.ciphers(List.of(options.getCiphers()));
        }
        return tls.build();
    }

    /** The {@code server.ssl.*} properties that carry a value, in the order Boot's documentation lists them. */
    static List<String> propertiesSet(Ssl ssl) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("server.ssl.bundle", ssl.getBundle());
        values.put("server.ssl.key-store", ssl.getKeyStore());
        values.put("server.ssl.key-store-type", ssl.getKeyStoreType());
        values.put("server.ssl.key-store-password", ssl.getKeyStorePassword());
        values.put("server.ssl.key-store-provider", ssl.getKeyStoreProvider());
        values.put("server.ssl.key-alias", ssl.getKeyAlias());
        values.put("server.ssl.key-password", ssl.getKeyPassword());
        values.put("server.ssl.certificate", ssl.getCertificate());
        values.put("server.ssl.certificate-private-key", ssl.getCertificatePrivateKey());
        values.put("server.ssl.trust-store", ssl.getTrustStore());
        values.put("server.ssl.trust-store-type", ssl.getTrustStoreType());
        values.put("server.ssl.trust-store-password", ssl.getTrustStorePassword());
        values.put("server.ssl.trust-store-provider", ssl.getTrustStoreProvider());
        values.put("server.ssl.trust-certificate", ssl.getTrustCertificate());
        values.put("server.ssl.trust-certificate-private-key", ssl.getTrustCertificatePrivateKey());
        List<String> set = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value != null) {
                set.add(name);
            }
        });
        return set;
    }

    private static TlsKeyMaterial key(SslBundle bundle, String property) {
        SslStoreBundle stores = bundle.getStores();
        KeyStore keyStore = stores.getKeyStore();
        if (keyStore == null) {
            throw new UnsupportedSettingException(property, "TLS needs a key store or a certificate and private key",
                    "Set server.ssl.key-store (or server.ssl.certificate and server.ssl.certificate-private-key), or "
                            + "name an SSL bundle with a key store in server.ssl.bundle.");
        }
        SslBundleKey key = bundle.getKey();
        // Boot's stores keep PEM keys under the store password, or none
        String password = key.getPassword() != null ? key.getPassword()
                : stores.getKeyStorePassword() != null ? stores.getKeyStorePassword() : "";
        return TlsKeyMaterial.of(keyStore, key.getAlias(), password);
    }

    private static TlsConfig.ClientAuth clientAuth(Ssl.ClientAuth clientAuth) {
        if (clientAuth == null) {
            return TlsConfig.ClientAuth.NONE;
        }
        return switch (clientAuth) {
            case NONE -> TlsConfig.ClientAuth.NONE;
            case WANT -> TlsConfig.ClientAuth.WANT;
            case NEED -> TlsConfig.ClientAuth.NEED;
        };
    }
}
