package dev.pronto.container;

import dev.pronto.container.connection.ConnectionRegistry;
import dev.pronto.container.connection.ConnectionSettings;
import dev.pronto.container.tls.TlsEndpoint;
import dev.pronto.container.connection.EngineCounters;
import dev.pronto.container.http2.Http2ServerSettings;
import dev.pronto.container.transport.Http1ChannelInitializer;
import dev.pronto.container.transport.PortClashProbe;
import dev.pronto.container.transport.TransportSupport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server: binds its port (HTTPS when {@link ServerConfig#tls()} is set, plus an optional cleartext
 * {@link ServerConfig#httpPort()}), runs one event loop per I/O thread and hands every request to an {@link HttpHandler}.
 * Embedding: {@code Server.create(ServerConfig.builder().port(8080).build(), handler).start()}.
 * Thread-safe; {@link #start()} and {@link #stop(Duration)} may be called from any thread, once each per cycle.
 */
public final class Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private final ServerConfig config;
    private final HttpHandler handler;
    private final EngineCounters counters;
    private final List<Channel> serverChannels = new ArrayList<>();
    private EventLoopGroup group;
    private ConnectionRegistry registry;
    private TransportSupport.Choice transport;
    private volatile InetSocketAddress boundAddress;
    private volatile InetSocketAddress boundHttpAddress;
    private volatile TlsEndpoint tls;

    private Server(ServerConfig config, HttpHandler handler, EngineCounters counters) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** A server for {@code handler} with {@code config}; nothing is bound until {@link #start()}. */
    public static Server create(ServerConfig config, HttpHandler handler) {
        return new Server(config, handler, new EngineCounters());
    }

    /** As {@link #create(ServerConfig, HttpHandler)}, counting into {@code counters} (kept by an outer server). */
    public static Server create(ServerConfig config, HttpHandler handler, EngineCounters counters) {
        return new Server(config, handler, counters);
    }

    /**
     * Binds and starts serving.
     *
     * @throws BindException if the address is in use ("Address already in use: cannot bind 127.0.0.1:8080",
     *                       whatever the transport reported) or cannot be bound otherwise; it names the address
     * @throws IOException   if binding failed otherwise (the host does not resolve …); nothing stays bound
     */
    public synchronized Server start() throws IOException {
        if (group != null) {
            throw new IllegalStateException("Server already started");
        }
        long startNanos = System.nanoTime();
        // key material first: a bad key store fails the start before any thread or socket exists
        tls = config.tls() == null ? null : TlsEndpoint.start(config.tls(), config.http2().enabled());
        transport = TransportSupport.choose(config.transport());
        group = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("pronto-io"),
                transport.ioHandlerFactory());
        registry = new ConnectionRegistry(config.maxConnections(), counters);
        ConnectionSettings settings = new ConnectionSettings(config, handler, registry);
        Http2ServerSettings http2 = config.http2().enabled()
                ? new Http2ServerSettings(config, handler, registry, counters) : null;
        int port = config.port();
        int mainChannels = 0;
        try {
            boundAddress = bind(new Http1ChannelInitializer(config, settings, tls, http2), port);
            mainChannels = serverChannels.size();
            if (config.httpPort() >= 0) {
                port = config.httpPort();
                boundHttpAddress = bind(new Http1ChannelInitializer(config, settings, null, http2), port);
            }
        } catch (IOException | RuntimeException e) {
            // reuse-port binds one socket per loop: those bound before the failure must not stay open
            closeServerChannels();
            shutdownGroup();
            closeTls();
            boundAddress = null;
            boundHttpAddress = null;
            throw translateBindFailure(e, port);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        log.info("Pronto listening on {}{} ({} transport: {}; {} I/O threads{}{}{}) in {} ms", describeBound(),
                boundHttpAddress == null ? "" : " and http " + boundHttpAddress,
                transport.transport().name().toLowerCase(), transport.reason(), config.ioThreads(),
                mainChannels > 1 ? ", SO_REUSEPORT x" + mainChannels : "",
                tls == null ? "" : "; TLS: " + tls.describe(),
                http2 == null ? "" : tls == null ? "; HTTP/2: h2c" : "; HTTP/2: h2 by ALPN", millis);
        return this;
    }

    private String describeBound() {
        return tls == null ? String.valueOf(boundAddress) : "https " + boundAddress;
    }

    private InetSocketAddress bind(Http1ChannelInitializer initializer, int port) throws IOException {
        InetSocketAddress requested = config.host() == null || config.host().isEmpty()
                ? new InetSocketAddress(port) : new InetSocketAddress(config.host(), port);
        if (requested.isUnresolved()) {
            throw new UnknownHostException("Cannot resolve host " + config.host());
        }
        int first = serverChannels.size();
        if (transport.canReusePort() && config.reusePort() && config.ioThreads() > 1) {
            PortClashProbe.check(config.host(), port);
            // One listening socket per event loop: the kernel spreads connections, each loop accepts its own.
            InetSocketAddress address = requested;
            for (EventExecutor executor : group) {
                Channel channel = bindOne((EventLoop) executor, (EventLoop) executor, initializer, address, true);
                address = new InetSocketAddress(requested.getAddress(),
                        ((InetSocketAddress) channel.localAddress()).getPort());
            }
        } else {
            bindOne(group, group, initializer, requested, false);
        }
        return (InetSocketAddress) serverChannels.get(first).localAddress();
    }

    private Channel bindOne(EventLoopGroup parent, EventLoopGroup child, Http1ChannelInitializer initializer,
                            InetSocketAddress address, boolean reusePort) throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(parent, child)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, config.backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, config.tcpNoDelay())
                .childHandler(initializer);
        if (reusePort) {
            bootstrap.option(transport.reusePortOption(), true);
        }
        ChannelFuture future = bootstrap.bind(address).awaitUninterruptibly();
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause.getMessage()), cause); // the address is added by the caller
        }
        serverChannels.add(future.channel());
        return future.channel();
    }

    /**
     * The JDK and Netty report a taken port as a bare "Address already in use" (or a native error) naming neither
     * address nor port; say which, keeping a {@link BindException} so callers (Spring Boot's PortInUseException
     * among them) still recognise it.
     */
    private IOException translateBindFailure(Exception e, int port) {
        if (e instanceof UnknownHostException unknown) {
            return unknown;
        }
        String where = "cannot bind " + describeRequestedAddress(port);
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("in use")) {
            return withCause(new BindException("Address already in use: " + where), e);
        }
        if (e instanceof BindException || message.contains("bind(")) {
            return withCause(new BindException(stripNativePrefix(message) + ": " + where), e);
        }
        return new IOException(message + " (" + where + ")", e);
    }

    private String describeRequestedAddress(int port) {
        String host = config.host();
        return host == null || host.isEmpty() ? "port " + port + " on all interfaces"
                : (host.indexOf(':') >= 0 ? '[' + host + ']' : host) + ':' + port;
    }

    /** Netty's epoll errors read "bind(..) failed with error(-99): Cannot assign requested address". */
    private static String stripNativePrefix(String message) {
        int colon = message.startsWith("bind(") ? message.indexOf("): ") : -1;
        return colon < 0 ? message : message.substring(colon + 3);
    }

    private static BindException withCause(BindException bind, Exception cause) {
        bind.initCause(cause);
        return bind;
    }

    /** The bound port (the real one when configured as 0). */
    public int port() {
        InetSocketAddress address = boundAddress;
        if (address == null) {
            throw new IllegalStateException("Server not started");
        }
        return address.getPort();
    }

    public InetSocketAddress address() {
        return boundAddress;
    }

    /** The bound cleartext port next to the TLS one ({@link ServerConfig#httpPort()}), or -1 if there is none. */
    public int httpPort() {
        InetSocketAddress address = boundHttpAddress;
        return address == null ? -1 : address.getPort();
    }

    /**
     * The bound HTTPS port, or -1 when the server speaks no TLS; where a {@code CONFIDENTIAL} transport guarantee
     * redirects to.
     */
    public int securePort() {
        return config.tls() == null || boundAddress == null ? -1 : boundAddress.getPort();
    }

    /**
     * Re-reads the TLS key and trust files; connections opened from now on use them, open ones keep theirs.
     *
     * @throws IOException naming the file when it cannot be read (the current certificates stay in use)
     */
    public void reloadTls() throws IOException {
        requireTls().reload();
    }

    /** Switches the TLS port to {@code newConfig} (new connections only), e.g. when a Spring Boot SSL bundle changes. */
    public void reloadTls(TlsConfig newConfig) throws IOException {
        requireTls().reload(newConfig);
    }

    /** Connections whose TLS handshake failed (not TLS, alert, timeout, client gone) since the start; 0 without TLS. */
    public long tlsHandshakeFailures() {
        TlsEndpoint t = tls;
        return t == null ? 0 : t.handshakeFailures();
    }

    /** {@code "OpenSSL"} or {@code "JDK"} while TLS is serving, else null. */
    public String tlsProvider() {
        TlsEndpoint t = tls;
        return t == null ? null : t.providerName();
    }

    private TlsEndpoint requireTls() {
        TlsEndpoint t = tls;
        if (t == null) {
            throw new IllegalStateException(config.tls() == null ? "TLS is not configured" : "Server not started");
        }
        return t;
    }

    /** The transport actually in use; {@code null} before {@link #start()}. */
    public Transport transport() {
        return transport == null ? null : transport.transport();
    }

    public ServerConfig config() {
        return config;
    }

    /** Requests handed to the handler whose response has not ended (asynchronous ones included). */
    public long activeRequests() {
        ConnectionRegistry r = registry;
        return r == null ? 0 : r.activeRequests();
    }

    /** The engine's counters (connections, requests, bytes, rejected input); they keep counting across restarts. */
    public ServerMetrics metrics() {
        return counters;
    }

    /**
     * Stops gracefully: no new connections; idle ones close; requests in flight may finish within {@code grace}
     * (their responses carry {@code Connection: close}); then everything is closed and the event loops stop.
     * Interrupting the calling thread ends the grace period early (Spring Boot aborts a graceful shutdown so).
     */
    public synchronized void stop(Duration grace) {
        if (group == null) {
            return;
        }
        closeServerChannels();
        registry.startDraining();
        long deadline = System.nanoTime() + grace.toNanos();
        while (registry.connectionCount() > 0 && System.nanoTime() - deadline < 0
                && !Thread.currentThread().isInterrupted()) {
            sleepBriefly();
        }
        registry.closeAll();
        shutdownGroup();
        closeTls();
        boundAddress = null;
        boundHttpAddress = null;
    }

    private void closeTls() {
        TlsEndpoint t = tls;
        tls = null;
        if (t != null) {
            t.close();
        }
    }

    private void closeServerChannels() {
        for (Channel channel : serverChannels) {
            channel.close().awaitUninterruptibly();
        }
        serverChannels.clear();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdownGroup() {
        EventLoopGroup g = group;
        group = null;
        if (g != null) {
            g.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /** Stops at once: in-flight requests are cut off. */
    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
