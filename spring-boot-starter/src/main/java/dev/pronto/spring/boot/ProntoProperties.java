package dev.pronto.spring.boot;

import static dev.pronto.spring.boot.PropertyChecks.atLeastOne;
import static dev.pronto.spring.boot.PropertyChecks.positive;

import dev.pronto.container.Transport;
import dev.pronto.container.transport.TransportSupport;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
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

    @NestedConfigurationProperty
    private final ProntoExecutorProperties executor = new ProntoExecutorProperties();

    @NestedConfigurationProperty
    private final ProntoSslProperties ssl = new ProntoSslProperties();
    @NestedConfigurationProperty
    private final ProntoHttp2Properties http2 = new ProntoHttp2Properties();
    @NestedConfigurationProperty
    private final ProntoAccessLogProperties accesslog = new ProntoAccessLogProperties();
    @NestedConfigurationProperty
    private final ProntoSessionProperties session = new ProntoSessionProperties();
    @NestedConfigurationProperty
    private final ProntoJspProperties jsp = new ProntoJspProperties();

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

    public ProntoAccessLogProperties getAccesslog() {
        return accesslog;
    }

    public ProntoExecutorProperties getExecutor() {
        return executor;
    }

    public ProntoSessionProperties getSession() {
        return session;
    }

    public ProntoJspProperties getJsp() {
        return jsp;
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

    public ProntoSslProperties getSsl() {
        return ssl;
    }

    public ProntoHttp2Properties getHttp2() {
        return http2;
    }

}
