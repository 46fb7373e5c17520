package dev.pronto.runner;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import dev.pronto.container.TlsTrustMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The {@code --ssl-*} flags while the command line is read: the key (a key store, or a PEM certificate and key) and
 * the trust material are made of several flags each, the rest goes straight to a {@link TlsConfig.Builder}.
 * {@link #build()} loads the key and trust files once, so that a wrong path or password is a command-line mistake
 * (exit status 2), not a failed start. Not thread-safe; used while parsing.
 */
final class TlsFlags {

    final TlsConfig.Builder config = TlsConfig.builder();
    Path keyStore;
    String keyStoreType;
    String keyStorePassword;
    String keyAlias;
    String keyPassword;
    Path certificate;
    Path certificateKey;
    Path trustStore;
    String trustStoreType;
    String trustStorePassword;
    Path trustCertificate;
    /** Whether any {@code --ssl-*} flag was given. */
    boolean used;

    /** The TLS settings, or {@code null} when no {@code --ssl-*} flag was given (cleartext). */
    TlsConfig build() {
        if (!used) {
            return null;
        }
        TlsKeyMaterial key = key();
        check(key::load, keyStore != null ? "--ssl-key-store" : "--ssl-certificate");
        config.key(key);
        TlsTrustMaterial trust = trust();
        if (trust != null) {
            check(trust::load, trustStore != null ? "--ssl-trust-store" : "--ssl-trust-certificate");
            config.trust(trust);
        }
        return config.build();
    }

    private TlsKeyMaterial key() {
        if (keyStore != null && certificate != null) {
            throw new IllegalArgumentException("--ssl-key-store and --ssl-certificate both give the server's key: "
                    + "use one");
        }
        if (keyStore != null) {
            return TlsKeyMaterial.keyStore(keyStore, keyStoreType, keyStorePassword, keyAlias, keyPassword);
        }
        if (certificate != null) {
            if (certificateKey == null) {
                throw new IllegalArgumentException("--ssl-certificate needs --ssl-certificate-private-key");
            }
            return TlsKeyMaterial.pem(certificate, certificateKey, keyPassword);
        }
        throw new IllegalArgumentException("TLS needs the server's key: --ssl-key-store FILE (PKCS12 or JKS) or "
                + "--ssl-certificate FILE with --ssl-certificate-private-key FILE");
    }

    private TlsTrustMaterial trust() {
        if (trustStore != null && trustCertificate != null) {
            throw new IllegalArgumentException("--ssl-trust-store and --ssl-trust-certificate: use one");
        }
        if (trustStore != null) {
            return TlsTrustMaterial.trustStore(trustStore, trustStoreType, trustStorePassword);
        }
        return trustCertificate == null ? null : TlsTrustMaterial.pem(trustCertificate);
    }

    private interface Load {
        Object load() throws IOException, GeneralSecurityException;
    }

    private static void check(Load load, String flag) {
        try {
            load.load();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(flag + ": cannot load it (" + e.getMessage()
                    + "); check the file, its type and the passwords", e);
        }
    }
}
