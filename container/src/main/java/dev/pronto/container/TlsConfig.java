package dev.pronto.container;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * TLS for the server's port: an immutable record built with {@link #builder()}; set it with
 * {@link ServerConfig.Builder#tls(TlsConfig)}. The Spring Boot starter maps {@code server.ssl.*} and SSL bundles to it.
 *
 * @param key                 the server's private key and certificate chain (required)
 * @param sniKeys             further keys chosen by the SNI host name the client asks for ({@code *.example.com}
 *                            wildcards allowed); clients that send no name, or an unknown one, get {@code key}
 * @param trust               certificates client certificates are verified against; {@code null} uses the JDK's
 *                            default trust store (needed only with {@code clientAuth} WANT or NEED)
 * @param clientAuth          whether a client certificate is asked for ({@code WANT}) or required ({@code NEED})
 * @param protocols           enabled protocol versions (e.g. {@code TLSv1.3}); empty: the provider's defaults
 * @param ciphers             enabled cipher suites; empty: the provider's defaults
 * @param provider            {@code AUTO} (OpenSSL when netty-tcnative loads, else the JDK), {@code JDK} or
 *                            {@code OPENSSL} (start fails if it does not load)
 * @param handshakeTimeout    a handshake not finished within it is closed and counted
 * @param reloadCheckInterval how often the key and trust files are checked for changes and re-read (new
 *                            connections get the new certificate); {@code null}: only on {@link Server#reloadTls()}
 */
public record TlsConfig(
        TlsKeyMaterial key,
        Map<String, TlsKeyMaterial> sniKeys,
        TlsTrustMaterial trust,
        ClientAuth clientAuth,
        List<String> protocols,
        List<String> ciphers,
        Provider provider,
        Duration handshakeTimeout,
        Duration reloadCheckInterval) {

    /** Whether the server asks for a client certificate (RFC 8446 §4.3.2). */
    public enum ClientAuth { NONE, WANT, NEED }

    /** Which TLS implementation runs the handshakes and the record layer. */
    public enum Provider { AUTO, JDK, OPENSSL }

    public TlsConfig {
        Objects.requireNonNull(key, "key (a TLS key store or PEM certificate and key) is required");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
        }
        if (reloadCheckInterval != null && (reloadCheckInterval.isNegative() || reloadCheckInterval.isZero())) {
            throw new IllegalArgumentException("reloadCheckInterval must be positive: " + reloadCheckInterval);
        }
        Map<String, TlsKeyMaterial> names = new LinkedHashMap<>();
        (sniKeys == null ? Map.<String, TlsKeyMaterial>of() : sniKeys).forEach((name, material) -> names.put(name.toLowerCase(Locale.ROOT),
                Objects.requireNonNull(material, "key of " + name)));
        sniKeys = Map.copyOf(names);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        ciphers = ciphers == null ? List.of() : List.copyOf(ciphers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent builder; defaults: no SNI keys, JDK trust, no client auth, provider defaults, AUTO, 10 s. Not thread-safe. */
    public static final class Builder {
        private TlsKeyMaterial key;
        private final Map<String, TlsKeyMaterial> sniKeys = new LinkedHashMap<>();
        private TlsTrustMaterial trust;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private List<String> protocols = List.of();
        private List<String> ciphers = List.of();
        private Provider provider = Provider.AUTO;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration reloadCheckInterval;

        Builder() {
        }

        Builder(TlsConfig c) {
            key = c.key;
            sniKeys.putAll(c.sniKeys);
            trust = c.trust;
            clientAuth = c.clientAuth;
            protocols = c.protocols;
            ciphers = c.ciphers;
            provider = c.provider;
            handshakeTimeout = c.handshakeTimeout;
            reloadCheckInterval = c.reloadCheckInterval;
        }

        public Builder key(TlsKeyMaterial key) { this.key = key; return this; }
        /** Adds a key served to clients asking for {@code hostName} by SNI ({@code *.example.com} allowed). */
        public Builder sniKey(String hostName, TlsKeyMaterial key) { sniKeys.put(hostName, key); return this; }
        public Builder trust(TlsTrustMaterial trust) { this.trust = trust; return this; }
        public Builder clientAuth(ClientAuth clientAuth) { this.clientAuth = clientAuth; return this; }
        public Builder protocols(List<String> protocols) { this.protocols = protocols; return this; }
        public Builder ciphers(List<String> ciphers) { this.ciphers = ciphers; return this; }
        public Builder provider(Provider provider) { this.provider = provider; return this; }
        public Builder handshakeTimeout(Duration timeout) { this.handshakeTimeout = timeout; return this; }
        public Builder reloadCheckInterval(Duration interval) { this.reloadCheckInterval = interval; return this; }

        public TlsConfig build() {
            return new TlsConfig(key, sniKeys, trust, clientAuth, protocols, ciphers, provider, handshakeTimeout,
                    reloadCheckInterval);
        }
    }
}
