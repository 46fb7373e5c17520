package dev.pronto.container;

import java.time.Duration;
import java.util.Objects;

/**
 * The server's settings: an immutable record built with {@link #builder()}, whose defaults are safe for
 * production. Every field maps 1:1 to a {@code server.pronto.*} property in the Spring Boot starter.
 *
 * @param host              address to bind; {@code null} or empty binds every interface
 * @param port              port to bind; 0 picks a free one (read it back with {@link Server#port()})
 * @param ioThreads         event loops; default: available processors
 * @param transport         epoll, NIO, or auto
 * @param reusePort         on epoll, bind one channel per event loop with {@code SO_REUSEPORT}
 * @param backlog           accept queue length
 * @param tcpNoDelay        disable Nagle's algorithm on accepted sockets
 * @param serverHeader      value of the {@code Server} header; {@code null} or empty sends none
 * @param maxUriLength      longest request-target accepted (414 beyond)
 * @param maxHeaderSize     largest request head (request line plus fields) accepted (431 beyond)
 * @param maxBodySize       largest request body accepted (413 beyond); {@code -1} for no limit
 * @param maxPipelined      requests in flight per connection before the connection stops reading
 * @param maxConnections    open connections; beyond it new ones are closed at once
 * @param headTimeout       time allowed for a request head to arrive once it started (408 beyond)
 * @param idleTimeout       time a keep-alive connection may sit idle between requests
 * @param blockingTimeout   longest a blocking body read or write waits for the client
 * @param maxFormSize       largest form body parsed into request parameters (413 beyond), like Tomcat's
 *                          {@code maxPostSize}; also caps multipart field values turned into parameters; {@code -1}
 *                          for no limit
 * @param allowTrace        answer {@code TRACE}; off by default (405), as with Tomcat's {@code allowTrace}, because
 *                          echoing the request exposes cookies and credentials to scripts (cross-site tracing)
 * @param tls               TLS on {@code port} (HTTPS); {@code null} for cleartext HTTP
 * @param httpPort          with {@code tls}, a second, cleartext HTTP port of the same server (0 picks a free one,
 *                          read it back with {@link Server#httpPort()}); {@code -1} (default) for none
 * @param http2             HTTP/2 (h2 by ALPN on the TLS port, h2c on a cleartext one) and its settings;
 *                          {@link Http2Config#DISABLED} by default
 */
public record ServerConfig(
        String host,
        int port,
        int ioThreads,
        Transport transport,
        boolean reusePort,
        int backlog,
        boolean tcpNoDelay,
        String serverHeader,
        int maxUriLength,
        int maxHeaderSize,
        long maxBodySize,
        int maxPipelined,
        int maxConnections,
        Duration headTimeout,
        Duration idleTimeout,
        Duration blockingTimeout,
        long maxFormSize,
        boolean allowTrace,
        TlsConfig tls,
        int httpPort,
        Http2Config http2) {

    /** Tomcat's {@code maxPostSize} default: 2 MiB. */
    public static final long DEFAULT_MAX_FORM_SIZE = 2L * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(headTimeout, "headTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(blockingTimeout, "blockingTimeout");
        Objects.requireNonNull(http2, "http2");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (httpPort < -1 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        if (httpPort != -1 && tls == null) {
            throw new IllegalArgumentException("httpPort " + httpPort + " needs tls: it is the cleartext port next to "
                    + "the TLS one");
        }
        requirePositive(ioThreads, "ioThreads");
        requirePositive(backlog, "backlog");
        requirePositive(maxUriLength, "maxUriLength");
        requirePositive(maxHeaderSize, "maxHeaderSize");
        requirePositive(maxPipelined, "maxPipelined");
        requirePositive(maxConnections, "maxConnections");
        if (maxBodySize < -1) {
            throw new IllegalArgumentException("maxBodySize must be -1 (no limit) or >= 0: " + maxBodySize);
        }
        if (maxFormSize < -1) {
            throw new IllegalArgumentException("maxFormSize must be -1 (no limit) or >= 0: " + maxFormSize);
        }
        // a timeout of zero or less would close every connection at once
        requirePositive(headTimeout, "headTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(blockingTimeout, "blockingTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent builder with the defaults documented on {@link ServerConfig}. Not thread-safe. */
    public static final class Builder {
        private String host;
        private int port = 8080;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private Transport transport = Transport.AUTO;
        private boolean reusePort = true;
        private int backlog = 1024;
        private boolean tcpNoDelay = true;
        private String serverHeader = "Pronto";
        private int maxUriLength = 8192;
        private int maxHeaderSize = 8192;
        private long maxBodySize = -1;
        private int maxPipelined = 16;
        private int maxConnections = 10_000;
        private Duration headTimeout = Duration.ofSeconds(20);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration blockingTimeout = Duration.ofSeconds(60);
        private long maxFormSize = DEFAULT_MAX_FORM_SIZE;
        private boolean allowTrace;
        private TlsConfig tls;
        private int httpPort = -1;
        private Http2Config http2 = Http2Config.DISABLED;

        Builder() {
        }

        Builder(ServerConfig c) {
            host = c.host;
            port = c.port;
            ioThreads = c.ioThreads;
            transport = c.transport;
            reusePort = c.reusePort;
            backlog = c.backlog;
            tcpNoDelay = c.tcpNoDelay;
            serverHeader = c.serverHeader;
            maxUriLength = c.maxUriLength;
            maxHeaderSize = c.maxHeaderSize;
            maxBodySize = c.maxBodySize;
            maxPipelined = c.maxPipelined;
            maxConnections = c.maxConnections;
            headTimeout = c.headTimeout;
            idleTimeout = c.idleTimeout;
            blockingTimeout = c.blockingTimeout;
            maxFormSize = c.maxFormSize;
            allowTrace = c.allowTrace;
            tls = c.tls;
            httpPort = c.httpPort;
            http2 = c.http2;
        }

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder ioThreads(int ioThreads) { this.ioThreads = ioThreads; return this; }
        public Builder transport(Transport transport) { this.transport = transport; return this; }
        public Builder reusePort(boolean reusePort) { this.reusePort = reusePort; return this; }
        public Builder backlog(int backlog) { this.backlog = backlog; return this; }
        public Builder tcpNoDelay(boolean tcpNoDelay) { this.tcpNoDelay = tcpNoDelay; return this; }
        public Builder serverHeader(String serverHeader) { this.serverHeader = serverHeader; return this; }
        public Builder maxUriLength(int maxUriLength) { this.maxUriLength = maxUriLength; return this; }
        public Builder maxHeaderSize(int maxHeaderSize) { this.maxHeaderSize = maxHeaderSize; return this; }
        public Builder maxBodySize(long maxBodySize) { this.maxBodySize = maxBodySize; return this; }
        public Builder maxPipelined(int maxPipelined) { this.maxPipelined = maxPipelined; return this; }
        public Builder maxConnections(int maxConnections) { this.maxConnections = maxConnections; return this; }
        public Builder headTimeout(Duration headTimeout) { this.headTimeout = headTimeout; return this; }
        public Builder idleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; return this; }
        public Builder blockingTimeout(Duration blockingTimeout) { this.blockingTimeout = blockingTimeout; return this; }
        public Builder maxFormSize(long maxFormSize) { this.maxFormSize = maxFormSize; return this; }
        public Builder allowTrace(boolean allowTrace) { this.allowTrace = allowTrace; return this; }
        /** TLS on {@link #port(int)}; {@code null} (default) for cleartext. */
        public Builder tls(TlsConfig tls) { this.tls = tls; return this; }
        /** A second, cleartext port next to the TLS one; -1 (default) for none. */
        public Builder httpPort(int httpPort) { this.httpPort = httpPort; return this; }

        /** HTTP/2 and its settings; {@link Http2Config#DISABLED} (default) speaks HTTP/1.1 only. */
        public Builder http2(Http2Config http2) { this.http2 = http2; return this; }
        /** Turns HTTP/2 on or off, keeping the other HTTP/2 settings. */
        public Builder http2(boolean enabled) { this.http2 = http2.toBuilder().enabled(enabled).build(); return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, ioThreads, transport, reusePort, backlog, tcpNoDelay, serverHeader,
                    maxUriLength, maxHeaderSize, maxBodySize, maxPipelined, maxConnections, headTimeout,
                    idleTimeout, blockingTimeout, maxFormSize, allowTrace, tls, httpPort, http2);
        }
    }
}
