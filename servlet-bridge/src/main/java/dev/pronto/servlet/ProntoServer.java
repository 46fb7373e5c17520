package dev.pronto.servlet;

import dev.pronto.container.Server;
import dev.pronto.container.ServerConfig;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.dispatch.Deployment;
import dev.pronto.servlet.dispatch.RequestExecutor;
import dev.pronto.servlet.dispatch.ServletBridge;
import dev.pronto.servlet.request.RequestPathNormalizer;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A servlet container: Pronto's core server running one or more web applications.
 * <pre>
 *   NEW --initialize()--> INITIALIZED --start()--> RUNNING --stop()--> INITIALIZED (restartable)
 *                                   \--------------------destroy()--------------------> DESTROYED
 * </pre>
 * Life-cycle methods are synchronized; call them from any thread.
 */
public final class ProntoServer implements AutoCloseable {

    private enum State { NEW, INITIALIZED, RUNNING, DESTROYED }

    private final ServerConfig config;
    private final RequestExecutor.Kind executorKind;
    private final int maxConcurrency;
    private final List<WebApplication> apps;
    private RequestExecutor executor;
    private volatile Server server; // read without the lock by activeRequests() while stop() waits
    private State state = State.NEW;

    private ProntoServer(Builder builder) {
        this.config = builder.config.build();
        this.executorKind = builder.executorKind;
        this.maxConcurrency = builder.maxConcurrency;
        List<WebApplication> built = new ArrayList<>();
        for (WebAppBuilder app : builder.webapps) {
            built.add(app.build());
        }
        this.apps = List.copyOf(built);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every application's initializers, listeners and filters (without binding). Idempotent.
     *
     * @throws ServletException if an application fails to initialise
     */
    public synchronized ProntoServer initialize() throws ServletException {
        if (state != State.NEW) {
            return this;
        }
        executor = RequestExecutor.create(executorKind, maxConcurrency);
        for (WebApplication app : apps) {
            app.blockingTimeoutMillis(config.blockingTimeout().toMillis());
            app.initialize();
        }
        state = State.INITIALIZED;
        return this;
    }

    /** Initialises if needed, binds, then starts the load-on-startup servlets. */
    public synchronized ProntoServer start() throws IOException, ServletException {
        if (state == State.RUNNING) {
            return this;
        }
        if (state == State.DESTROYED) {
            throw new IllegalStateException("The server was destroyed");
        }
        initialize();
        List<Deployment> deployments = new ArrayList<>();
        for (WebApplication app : apps) {
            deployments.add(new Deployment(app, executor));
        }
        ServletBridge bridge = new ServletBridge(deployments, executor, RequestPathNormalizer.STRICT);
        server = Server.create(config, bridge).start();
        for (WebApplication app : apps) {
            if (app.state() == WebApplication.State.INITIALIZED) {
                app.startServlets();
            }
        }
        state = State.RUNNING;
        return this;
    }

    /**
     * Stops serving (requests in flight may finish within {@code grace}, or until the calling thread is
     * interrupted); the applications stay initialised.
     */
    public synchronized void stop(Duration grace) {
        if (state != State.RUNNING) {
            return;
        }
        server.stop(grace);
        server = null;
        state = State.INITIALIZED;
    }

    /** Stops, then destroys the applications (servlets, filters, {@code contextDestroyed}). */
    public synchronized void destroy() {
        stop(Duration.ZERO);
        if (state == State.DESTROYED) {
            return;
        }
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).destroy();
        }
        if (executor != null) {
            executor.close();
        }
        state = State.DESTROYED;
    }

    @Override
    public void close() {
        destroy();
    }

    /** The bound port (the real one when configured as 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Not running");
        }
        return server.port();
    }

    /** Requests in flight, async ones included; never blocks, so it can watch a graceful {@link #stop}. */
    public long activeRequests() {
        Server running = server;
        return running == null ? 0 : running.activeRequests();
    }

    public List<WebApplication> applications() {
        return apps;
    }

    public ServerConfig config() {
        return config;
    }

    /** The threads that run blocking requests; known once initialised. */
    public synchronized RequestExecutor executor() {
        return executor;
    }

    /** Fluent builder: core settings, the executor, and the web applications. Not thread-safe. */
    public static final class Builder {
        private final ServerConfig.Builder config = ServerConfig.builder();
        private RequestExecutor.Kind executorKind = RequestExecutor.Kind.AUTO;
        private int maxConcurrency;
        private final List<WebAppBuilder> webapps = new ArrayList<>();

        Builder() {
        }

        /** Core settings (port, host, threads, limits, timeouts …); see {@link ServerConfig}. */
        public Builder config(Consumer<ServerConfig.Builder> settings) {
            settings.accept(config);
            return this;
        }

        /**
         * Threads for blocking servlets: virtual where available (default), or platform; and how many requests
         * may run at once ({@code <= 0}: 10 000 virtual / 200 platform).
         */
        public Builder executor(RequestExecutor.Kind kind, int maxConcurrency) {
            this.executorKind = Objects.requireNonNull(kind);
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Adds a web application. */
        public Builder webapp(Consumer<WebAppBuilder> app) {
            WebAppBuilder builder = new WebAppBuilder();
            app.accept(builder);
            webapps.add(builder);
            return this;
        }

        /**
         * Adds the web application in a WAR file or exploded directory, at the context path its descriptor or its
         * file name gives ({@code ROOT.war} → {@code /}, {@code shop.war} → {@code /shop}). Needs the
         * {@code pronto-deploy} module; the WAR is read, unpacked and scanned right away.
         *
         * @throws IllegalStateException if {@code pronto-deploy} is not on the class path
         */
        public Builder war(Path war) {
            return webapp(WarDeployer.find().deployment(war, null));
        }

        /** Adds the web application in a WAR file or exploded directory at {@code contextPath}; see {@link #war(Path)}. */
        public Builder war(Path war, String contextPath) {
            return webapp(WarDeployer.find().deployment(war, Objects.requireNonNull(contextPath, "contextPath")));
        }

        public ProntoServer build() {
            return new ProntoServer(this);
        }

        /** Builds and starts. */
        public ProntoServer start() throws IOException, ServletException {
            return build().start();
        }
    }
}
