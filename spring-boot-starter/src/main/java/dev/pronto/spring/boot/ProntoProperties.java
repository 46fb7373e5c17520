package dev.pronto.spring.boot;

import dev.pronto.container.Http2Config;
import dev.pronto.container.TlsConfig;
import dev.pronto.container.Transport;
import dev.pronto.container.transport.TransportSupport;
import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.accesslog.AccessLogPattern;
import dev.pronto.servlet.worker.RequestExecutor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Pronto's own settings, {@code server.pronto.*}: each maps 1:1 to a field of Pronto's {@code ServerConfig} or to
 * the request executor; unset ones keep Pronto's defaults. Bound once at start-up, then read-only. Setters refuse
 * values {@code ServerConfig} would refuse, so Boot's failure report names the property, its value and its origin.
 */
@ConfigurationProperties("server.pronto")
public class ProntoProperties {

    /** Event-loop (I/O) threads. Default: the number of available processors. */
    private Integer ioThreads;

    /** Netty transport: auto (epoll where the native library loads, else NIO), epoll or nio. */
    private Transport transport = Transport.AUTO;

    /** On epoll, bind one listening socket per event loop with SO_REUSEPORT. */
    private boolean reusePort = true;

    /** Requests in flight per connection (HTTP/1.1 pipelining) before the connection stops reading. Default: 16. */
    private Integer maxPipelined;

    /** Time allowed for a request head to arrive once it started (408 beyond). Default: 20s. */
    private Duration headTimeout;

    /** Time a keep-alive connection may sit idle between requests. Default: 60s. */
    private Duration idleTimeout;

    /** Longest a blocking request-body read or response write waits for the client. Default: 60s. */
    private Duration blockingTimeout;

    /** Largest request body accepted (413 beyond); -1 for no limit. Default: no limit. */
    private DataSize maxBodySize;

    /** Open connections; beyond it new ones are closed at once. Default: 10000. */
    private Integer maxConnections;

    /** Longest request-target accepted (414 beyond). Default: 8192. */
    private Integer maxUriLength;

    /**
     * Largest form body parsed into request parameters, and largest sum of multipart field values (413 beyond);
     * -1 for no limit. Default: 2MB. {@code server.tomcat.max-http-form-post-size} means the same and is honoured
     * when this is unset.
     */
    private DataSize maxFormSize;

    /** Let TRACE requests reach the application; off by default (405), like Tomcat's allowTrace. */
    private boolean allowTrace;

    /**
     * Whether sendRedirect sends a relative Location (no scheme, host or port), like Tomcat's useRelativeRedirects.
     * Default: false, or server.tomcat.use-relative-redirects when that is set.
     */
    private Boolean useRelativeRedirects;

    /**
     * A cleartext HTTP port next to the HTTPS one when server.ssl.* is set (server.port is then HTTPS); 0 picks a
     * free port. Default: none.
     */
    private Integer httpPort;

    private final Executor executor = new Executor();

    private final Ssl ssl = new Ssl();
    private final Http2 http2 = new Http2();
    private final Accesslog accesslog = new Accesslog();
    private final Session session = new Session();
    private final Jsp jsp = new Jsp();

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = atLeastOne(ioThreads);
    }

    public Transport getTransport() {
        return transport;
    }

    public void setTransport(Transport transport) {
        if (transport == Transport.EPOLL || transport == Transport.IO_URING) {
            TransportSupport.choose(transport); // throws, saying why, where the native transport does not load
        }
        this.transport = transport;
    }

    public boolean isReusePort() {
        return reusePort;
    }

    public void setReusePort(boolean reusePort) {
        this.reusePort = reusePort;
    }

    public Integer getMaxPipelined() {
        return maxPipelined;
    }

    public void setMaxPipelined(Integer maxPipelined) {
        this.maxPipelined = atLeastOne(maxPipelined);
    }

    public Duration getHeadTimeout() {
        return headTimeout;
    }

    public void setHeadTimeout(Duration headTimeout) {
        this.headTimeout = positive(headTimeout);
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = positive(idleTimeout);
    }

    public Duration getBlockingTimeout() {
        return blockingTimeout;
    }

    public void setBlockingTimeout(Duration blockingTimeout) {
        this.blockingTimeout = positive(blockingTimeout);
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        if (maxBodySize != null && maxBodySize.toBytes() < -1) {
            throw new IllegalArgumentException("must be -1 (no limit) or a size of 0 or more");
        }
        this.maxBodySize = maxBodySize;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = atLeastOne(maxConnections);
    }

    public Integer getMaxUriLength() {
        return maxUriLength;
    }

    public void setMaxUriLength(Integer maxUriLength) {
        this.maxUriLength = atLeastOne(maxUriLength);
    }

    public Boolean getUseRelativeRedirects() {
        return useRelativeRedirects;
    }

    public void setUseRelativeRedirects(Boolean useRelativeRedirects) {
        this.useRelativeRedirects = useRelativeRedirects;
    }

    public DataSize getMaxFormSize() {
        return maxFormSize;
    }

    public void setMaxFormSize(DataSize maxFormSize) {
        if (maxFormSize != null && maxFormSize.toBytes() < -1) {
            throw new IllegalArgumentException("must be -1 (no limit) or a size of 0 or more");
        }
        this.maxFormSize = maxFormSize;
    }

    public boolean isAllowTrace() {
        return allowTrace;
    }

    public void setAllowTrace(boolean allowTrace) {
        this.allowTrace = allowTrace;
    }

    public Accesslog getAccesslog() {
        return accesslog;
    }

    public Executor getExecutor() {
        return executor;
    }

    public Session getSession() {
        return session;
    }

    public Jsp getJsp() {
        return jsp;
    }

    /** {@code server.pronto.jsp.*}: what Boot's {@code server.servlet.jsp.*} has no property for. Bound once. */
    public static class Jsp {

        /**
         * Compile every JSP page when the application starts, and fail the start on a page that does not compile
         * (as Tomcat's JspC does); off: each page compiles on its first request.
         */
        private boolean precompile;

        public boolean isPrecompile() {
            return precompile;
        }

        public void setPrecompile(boolean precompile) {
            this.precompile = precompile;
        }
    }

    /** Where sessions live, {@code server.pronto.session.*}. */
    public static class Session {

        /** memory (this instance only) or redis (shared by every instance; needs pronto-session-redis). */
        private Store store = Store.MEMORY;

        private final Redis redis = new Redis();

        public Store getStore() {
            return store;
        }

        public void setStore(Store store) {
            this.store = store;
        }

        public Redis getRedis() {
            return redis;
        }

        /** The store's URI, or null for memory. */
        String storeUri() {
            return store == Store.REDIS ? redis.getUri() : null;
        }

        /** The session stores Pronto can use. */
        public enum Store { MEMORY, REDIS }

        /** {@code server.pronto.session.redis.*}. */
        public static class Redis {

            /**
             * Lettuce URI of the Redis that holds the sessions: redis://[user:password@]host[:port][/database]
             * (rediss:// for TLS), with ?timeout=2s (the default) and &namespace=pronto:session (the key prefix).
             */
            private String uri = "redis://localhost:6379";

            public String getUri() {
                return uri;
            }

            public void setUri(String uri) {
                this.uri = uri;
            }
        }
    }

    public Integer getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(Integer httpPort) {
        if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
            throw new IllegalArgumentException("must be a port from 0 to 65535");
        }
        this.httpPort = httpPort;
    }

    public Ssl getSsl() {
        return ssl;
    }

    public Http2 getHttp2() {
        return http2;
    }

    /**
     * {@code server.pronto.http2.*}: HTTP/2 settings and abuse limits (HTTP/2 itself is turned on by Boot's
     * {@code server.http2.enabled}). Unset values keep {@link Http2Config}'s defaults. Bound once.
     */
    public static class Http2 {

        /** SETTINGS_MAX_CONCURRENT_STREAMS. Default: 128. */
        private Integer maxConcurrentStreams;

        /** SETTINGS_INITIAL_WINDOW_SIZE: request body bytes a stream may send ahead of the application. Default: 65535B. */
        private DataSize initialWindowSize;

        /** SETTINGS_MAX_FRAME_SIZE (16KB to 16MB - 1). Default: 16KB. */
        private DataSize maxFrameSize;

        /** SETTINGS_MAX_HEADER_LIST_SIZE: 431 beyond, GOAWAY far beyond. Default: 8KB. */
        private DataSize maxHeaderListSize;

        /** RST_STREAM frames a client may send per reset-window before GOAWAY (rapid reset). Default: 200. */
        private Integer maxResetsPerWindow;

        /** The window max-resets-per-window counts over. Default: 30s. */
        private Duration resetWindow;

        /** Control frames queued for a client that does not read them before the connection is closed. Default: 10000. */
        private Integer maxQueuedControlFrames;

        public Integer getMaxConcurrentStreams() { return maxConcurrentStreams; }
        public void setMaxConcurrentStreams(Integer v) { this.maxConcurrentStreams = atLeastOne(v); }
        public DataSize getInitialWindowSize() { return initialWindowSize; }
        public void setInitialWindowSize(DataSize v) { this.initialWindowSize = v; }
        public DataSize getMaxFrameSize() { return maxFrameSize; }
        public void setMaxFrameSize(DataSize v) { this.maxFrameSize = v; }
        public DataSize getMaxHeaderListSize() { return maxHeaderListSize; }
        public void setMaxHeaderListSize(DataSize v) { this.maxHeaderListSize = v; }
        public Integer getMaxResetsPerWindow() { return maxResetsPerWindow; }
        public void setMaxResetsPerWindow(Integer v) { this.maxResetsPerWindow = atLeastOne(v); }
        public Duration getResetWindow() { return resetWindow; }
        public void setResetWindow(Duration v) { this.resetWindow = positive(v); }
        public Integer getMaxQueuedControlFrames() { return maxQueuedControlFrames; }
        public void setMaxQueuedControlFrames(Integer v) { this.maxQueuedControlFrames = atLeastOne(v); }

        /** The settings as {@link Http2Config} (not enabled: that is {@code server.http2.enabled}'s job). */
        public Http2Config toConfig() {
            Http2Config.Builder b = Http2Config.DISABLED.toBuilder();
            if (maxConcurrentStreams != null) {
                b.maxConcurrentStreams(maxConcurrentStreams);
            }
            if (initialWindowSize != null) {
                b.initialWindowSize((int) Math.min(Integer.MAX_VALUE, initialWindowSize.toBytes()));
            }
            if (maxFrameSize != null) {
                b.maxFrameSize((int) Math.min(Integer.MAX_VALUE, maxFrameSize.toBytes()));
            }
            if (maxHeaderListSize != null) {
                b.maxHeaderListSize((int) Math.min(Integer.MAX_VALUE, maxHeaderListSize.toBytes()));
            }
            if (maxResetsPerWindow != null) {
                b.maxResetsPerWindow(maxResetsPerWindow);
            }
            if (resetWindow != null) {
                b.resetWindow(resetWindow);
            }
            if (maxQueuedControlFrames != null) {
                b.maxQueuedControlFrames(maxQueuedControlFrames);
            }
            return b.build();
        }
    }

    /** {@code server.pronto.ssl.*}: TLS settings server.ssl.* has no property for. Bound once. */
    public static class Ssl {

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

    private static Integer atLeastOne(Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    }

    private static Duration positive(Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("must be a positive duration");
        }
        return value;
    }

    /** {@code server.pronto.executor.*}: the threads that run blocking (ordinary) servlet code. Bound once. */
    public static class Executor {

        /** auto (virtual threads on Java 21+, else a platform pool), virtual or platform. */
        private RequestExecutor.Kind kind = RequestExecutor.Kind.AUTO;

        /** Requests running at once; 0 for the default (10000 on virtual threads, 200 platform threads). */
        private int maxConcurrency;

        public RequestExecutor.Kind getKind() {
            return kind;
        }

        public void setKind(RequestExecutor.Kind kind) {
            RequestExecutor.checkAvailable(kind);
            this.kind = kind;
        }

        public int getMaxConcurrency() {
            return maxConcurrency;
        }

        public void setMaxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 0) {
                throw new IllegalArgumentException("must be 0 (the default) or more");
            }
            this.maxConcurrency = maxConcurrency;
        }
    }

    /**
     * The access log, {@code server.pronto.accesslog.*}: the names and defaults of Boot's
     * {@code server.tomcat.accesslog.*}, plus where else lines may go (an SLF4J logger) and the queue size.
     */
    public static class Accesslog {

        /** Whether to write an access log. */
        private boolean enabled;

        /** common, combined, or a pattern in Tomcat's AccessLogValve syntax (%a %r %s %b %{name}i ...). */
        private String pattern = "common";

        /** Directory of the log files; relative paths resolve against the working directory. */
        private String directory = "logs";

        /** Log file name prefix. */
        private String prefix = "access_log";

        /** Log file name suffix. */
        private String suffix = ".log";

        /** Date format placed between prefix and suffix. */
        private String fileDateFormat = ".yyyy-MM-dd";

        /** Whether to start a new file each day. */
        private boolean rotate = true;

        /** Days to keep rotated files before deleting them; -1 keeps them all. */
        private int maxDays = -1;

        /** Whether to flush only when no line is waiting, rather than after each line. */
        private boolean buffered = true;

        /** Character set of the files. */
        private Charset encoding = StandardCharsets.UTF_8;

        /** An SLF4J logger to send the lines to (at INFO) instead of files; unset writes files. */
        private String logger;

        /** Lines waiting to be written before further ones are dropped (and counted); a request never waits. */
        private int queueSize = 8192;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPattern() {
            return pattern;
        }

        public void setPattern(String pattern) {
            AccessLogPattern.parse(pattern); // an unknown code fails here, naming the property
            this.pattern = pattern;
        }

        public String getDirectory() {
            return directory;
        }

        public void setDirectory(String directory) {
            this.directory = directory;
        }

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }

        public String getSuffix() {
            return suffix;
        }

        public void setSuffix(String suffix) {
            this.suffix = suffix;
        }

        public String getFileDateFormat() {
            return fileDateFormat;
        }

        public void setFileDateFormat(String fileDateFormat) {
            this.fileDateFormat = fileDateFormat;
        }

        public boolean isRotate() {
            return rotate;
        }

        public void setRotate(boolean rotate) {
            this.rotate = rotate;
        }

        public int getMaxDays() {
            return maxDays;
        }

        public void setMaxDays(int maxDays) {
            this.maxDays = maxDays;
        }

        public boolean isBuffered() {
            return buffered;
        }

        public void setBuffered(boolean buffered) {
            this.buffered = buffered;
        }

        public Charset getEncoding() {
            return encoding;
        }

        public void setEncoding(Charset encoding) {
            this.encoding = encoding;
        }

        public String getLogger() {
            return logger;
        }

        public void setLogger(String logger) {
            this.logger = logger;
        }

        public int getQueueSize() {
            return queueSize;
        }

        public void setQueueSize(int queueSize) {
            if (queueSize <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
            this.queueSize = queueSize;
        }

        /** The settings as Pronto's configuration, or null when the log is off. */
        AccessLogConfig toConfig() {
            if (!enabled) {
                return null;
            }
            return AccessLogConfig.builder().pattern(pattern).directory(Path.of(directory)).prefix(prefix)
                    .suffix(suffix).fileDateFormat(fileDateFormat).rotate(rotate).maxDays(maxDays).buffered(buffered)
                    .encoding(encoding).loggerName(logger).queueSize(queueSize).build();
        }
    }
}
