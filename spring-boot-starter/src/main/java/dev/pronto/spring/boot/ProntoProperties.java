package dev.pronto.spring.boot;

import dev.pronto.container.Transport;
import dev.pronto.servlet.dispatch.RequestExecutor;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Pronto's own settings, {@code server.pronto.*}: each maps 1:1 to a field of Pronto's {@code ServerConfig} or to
 * the request executor; unset ones keep Pronto's defaults. Bound once at start-up, then read-only.
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

    private final Executor executor = new Executor();

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    public Transport getTransport() {
        return transport;
    }

    public void setTransport(Transport transport) {
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
        this.maxPipelined = maxPipelined;
    }

    public Duration getHeadTimeout() {
        return headTimeout;
    }

    public void setHeadTimeout(Duration headTimeout) {
        this.headTimeout = headTimeout;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getBlockingTimeout() {
        return blockingTimeout;
    }

    public void setBlockingTimeout(Duration blockingTimeout) {
        this.blockingTimeout = blockingTimeout;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxUriLength() {
        return maxUriLength;
    }

    public void setMaxUriLength(Integer maxUriLength) {
        this.maxUriLength = maxUriLength;
    }

    public DataSize getMaxFormSize() {
        return maxFormSize;
    }

    public void setMaxFormSize(DataSize maxFormSize) {
        this.maxFormSize = maxFormSize;
    }

    public boolean isAllowTrace() {
        return allowTrace;
    }

    public void setAllowTrace(boolean allowTrace) {
        this.allowTrace = allowTrace;
    }

    public Executor getExecutor() {
        return executor;
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
            this.kind = kind;
        }

        public int getMaxConcurrency() {
            return maxConcurrency;
        }

        public void setMaxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
        }
    }
}
