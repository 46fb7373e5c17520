package dev.pronto.servlet;

import dev.pronto.container.Server;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.connection.EngineCounters;
import dev.pronto.servlet.accesslog.AccessLog;
import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.context.WorkDirectory;
import dev.pronto.servlet.dispatch.Deployment;
import dev.pronto.servlet.worker.RequestExecutor;
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
 *   a failing initialize() or start() -----------------------------------------------> DESTROYED
 * </pre>
 * A failed start-up never leaves a live server behind: the port, the event loops and the executor are released and
 * the applications destroyed before the failure is rethrown. Life-cycle methods are synchronized; call them from any
 * thread.
 */
public final class ProntoServer implements AutoCloseable {

    private enum State { NEW, INITIALIZED, RUNNING, DESTROYED }

    private final ServerConfig config;
    private final RequestExecutor.Kind executorKind;
    private final int maxConcurrency;
    private final AccessLogConfig accessLogConfig;
    private final List<WebApplication> apps;
    private final WorkDirectory workDirectory;
    private AccessLog accessLog;
    private final EngineCounters counters = new EngineCounters();
    private final ProntoMetrics metrics = new ProntoMetrics(this, counters);
    private volatile RequestExecutor executor;
    private volatile Server server; // read without the lock by activeRequests() while stop() waits
    private State state = State.NEW;

    private ProntoServer(Builder builder) {
        this.config = builder.config.build();
        this.executorKind = builder.executorKind;
        this.maxConcurrency = builder.maxConcurrency;
        this.accessLogConfig = builder.accessLog;
        this.workDirectory = builder.work();
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
     * @throws ServletException if an application fails to initialise; the server is then destroyed
     */
    public synchronized ProntoServer initialize() throws ServletException {
        if (state != State.NEW) {
            return this;
        }
        try {
            executor = RequestExecutor.create(executorKind, maxConcurrency);
            for (WebApplication app : apps) {
                app.blockingTimeoutMillis(config.blockingTimeout().toMillis());
                app.maxFormSize(config.maxFormSize());
                app.allowTrace(config.allowTrace());
                app.initialize();
            }
        } catch (Throwable failure) {
            releaseAfterFailedStart(failure);
            throw failure;
        }
        state = State.INITIALIZED;
        return this;
    }

    /**
     * Initialises if needed, binds, then starts the load-on-startup servlets. If any step fails, everything is
     * released (port, event loops, executor; the applications are destroyed) before the failure is rethrown.
     *
     * @throws java.net.BindException if the address is taken (the message names it)
     * @throws ServletException       if an application fails to initialise or a load-on-startup servlet to start
     */
    public synchronized ProntoServer start() throws IOException, ServletException {
        if (state == State.RUNNING) {
            return this;
        }
        if (state == State.DESTROYED) {
            throw new IllegalStateException("The server was destroyed");
        }
        initialize();
        try {
            bindAndStartServlets();
        } catch (Throwable failure) {
            releaseAfterFailedStart(failure);
            throw failure;
        }
        state = State.RUNNING;
        return this;
    }

    private void bindAndStartServlets() throws IOException, ServletException {
        accessLog = accessLogConfig == null ? null : AccessLog.start(accessLogConfig);
        List<Deployment> deployments = new ArrayList<>();
        for (WebApplication app : apps) {
            deployments.add(new Deployment(app, executor, accessLog));
        }
        ServletBridge bridge = new ServletBridge(deployments, executor, RequestPathNormalizer.STRICT, accessLog);
        server = Server.create(config, bridge, counters).start();
        for (WebApplication app : apps) {
            if (app.webSecurity() != null) {
                app.webSecurity().securePort(server.securePort());
            }
            if (app.state() == WebApplication.State.INITIALIZED) {
                app.startServlets();
            }
        }
    }

    /**
     * A failed start must not leave a live process (non-daemon event loops, a bound port, requests queued to a
     * closed executor): close the listening sockets and the event loops, destroy the applications, close the
     * executor. Whatever fails while releasing is added to {@code failure} as suppressed.
     */
    private void releaseAfterFailedStart(Throwable failure) {
        Server bound = server;
        server = null;
        if (bound != null) {
            try {
                bound.stop(Duration.ZERO);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        closeAccessLog();
        state = State.DESTROYED;
        RuntimeException destroyFailure = destroyApplicationsAndExecutor();
        workDirectory.deleteIfOwned();
        if (destroyFailure != null) {
            failure.addSuppressed(destroyFailure);
        }
    }

    /** Destroys every application in reverse order, then closes the executor, even if one of them throws. */
    private RuntimeException destroyApplicationsAndExecutor() {
        RuntimeException first = null;
        for (int i = apps.size() - 1; i >= 0; i--) {
            try {
                apps.get(i).destroy();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (executor != null) {
            executor.close();
        }
        return first;
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
        closeAccessLog(); // after the last response: its line is queued by now
        state = State.INITIALIZED;
    }

    private void closeAccessLog() {
        AccessLog log = accessLog;
        accessLog = null;
        if (log != null) {
            log.close();
        }
    }

    /** The running access log (lines written, dropped), or null when it is off or the server is stopped. */
    public synchronized AccessLog accessLog() {
        return accessLog;
    }

    /** Stops, then destroys the applications (servlets, filters, {@code contextDestroyed}). */
    public synchronized void destroy() {
        stop(Duration.ZERO);
        if (state == State.DESTROYED) {
            return;
        }
        state = State.DESTROYED;
        RuntimeException failure = destroyApplicationsAndExecutor();
        workDirectory.deleteIfOwned(); // after the class loaders closed: no jar of an unpacked WAR is open
        if (failure != null) {
            throw failure;
        }
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

    /** The bound HTTPS port, or -1 without TLS: where a {@code CONFIDENTIAL} transport guarantee redirects to. */
    public synchronized int securePort() {
        return server == null ? -1 : server.securePort();
    }

    /** The bound cleartext port next to the HTTPS one ({@code ServerConfig.httpPort}), or -1. */
    public synchronized int httpPort() {
        return server == null ? -1 : server.httpPort();
    }

    /** The running core server (TLS reload, handshake failure count …); null when not running. */
    public synchronized Server coreServer() {
        return server;
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

    /**
     * Where this server's WAR deployments unpacked: the configured work directory, or the server's own (deleted by
     * {@link #destroy()}); {@code null} when none was needed.
     */
    public Path workDirectory() {
        return workDirectory.existing();
    }

    /** Counters of the engine, the workers and the sessions; readable at any time, from any thread. */
    public ProntoMetrics metrics() {
        return metrics;
    }

    /** The executor without taking the life-cycle lock (metrics are read while stop() holds it). */
    RequestExecutor executorIfAny() {
        return executor;
    }

    /** The threads that run blocking requests; known once initialised. */
    public synchronized RequestExecutor executor() {
        return executor;
    }

    /** Fluent builder: core settings, the executor, and the web applications. Not thread-safe. */
    public static final class Builder {
        private ServerConfig.Builder config = ServerConfig.builder();
        private RequestExecutor.Kind executorKind = RequestExecutor.Kind.AUTO;
        private int maxConcurrency;
        private AccessLogConfig accessLog;
        private final List<WebAppBuilder> webapps = new ArrayList<>();
        private Path workDirectoryPath;
        private WorkDirectory work;

        Builder() {
        }

        /**
         * Where WAR deployments unpack and compile (kept when the server is destroyed, so a restart with the same
         * WAR reuses its unpacked content). Default: a new directory of this server under {@code java.io.tmpdir},
         * deleted by {@link ProntoServer#destroy()}. Set it before adding WARs.
         */
        public Builder workDirectory(Path directory) {
            if (work != null) {
                throw new IllegalStateException("Set the work directory before adding web applications");
            }
            this.workDirectoryPath = Objects.requireNonNull(directory, "directory");
            return this;
        }

        private WorkDirectory work() {
            if (work == null) {
                work = new WorkDirectory(workDirectoryPath);
            }
            return work;
        }

        /** Core settings (port, host, threads, limits, timeouts …); see {@link ServerConfig}. */
        public Builder config(Consumer<ServerConfig.Builder> settings) {
            settings.accept(config);
            return this;
        }

        /** Core settings as a whole (e.g. built and checked beforehand); replaces those set so far. */
        public Builder config(ServerConfig settings) {
            this.config = settings.toBuilder();
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

        /**
         * Turns the access log on for every application of this server (like Tomcat's {@code AccessLogValve} on the
         * host); {@code null}: off (default).
         */
        public Builder accessLog(AccessLogConfig accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        /** Adds a web application. */
        public Builder webapp(Consumer<WebAppBuilder> app) {
            WorkDirectory shared = work();
            WebAppBuilder builder = new WebAppBuilder(shared::path);
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
