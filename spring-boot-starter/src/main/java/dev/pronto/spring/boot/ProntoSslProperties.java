package dev.pronto.spring.boot;

import static dev.pronto.spring.boot.PropertyChecks.positive;

import dev.pronto.container.TlsConfig;
import java.time.Duration;

/** {@code server.pronto.ssl.*}: TLS settings server.ssl.* has no property for. Bound once. */
public class ProntoSslProperties {

    /** auto (OpenSSL when netty-tcnative loads, else the JDK), jdk or openssl (start fails if it does not load). */
    private TlsConfig.Provider provider = TlsConfig.Provider.AUTO;

    /** A TLS handshake not finished within it is closed and counted. Default: 10s. */
    private Duration handshakeTimeout;

    public TlsConfig.Provider getProvider() {
        return provider;
    }

    public void setProvider(TlsConfig.Provider provider) {
        this.provider = provider;
    }

    public Duration getHandshakeTimeout() {
        return handshakeTimeout;
    }

    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = positive(handshakeTimeout);
    }
}
