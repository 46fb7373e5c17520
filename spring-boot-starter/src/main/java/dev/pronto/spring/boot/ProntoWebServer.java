package dev.pronto.spring.boot;

import dev.pronto.container.ServerConfig;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.context.WebApplication;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;

/**
 * Spring Boot's {@link WebServer} over a {@link ProntoServer} whose application is already initialised:
 * {@link #start()} binds and then starts the load-on-startup servlets; {@link #stop()} unbinds but keeps the
 * application (restartable, no {@code contextDestroyed}); {@link #destroy()} ends it. Thread-safe.
 */
public final class ProntoWebServer implements WebServer {

    private static final Logger log = LoggerFactory.getLogger(ProntoWebServer.class);

    private final Object monitor = new Object();
    private final ProntoServer server;
    private final boolean bind;
    private final GracefulShutdown gracefulShutdown;
    private volatile int port = -1;
    private boolean started;

    /**
     * @param bind             false for Boot's {@code server.port=-1}: the application runs, nothing listens
     * @param gracefulShutdown null for {@code server.shutdown=immediate}
     */
    ProntoWebServer(ProntoServer server, boolean bind, boolean gracefulShutdown) {
        this.server = server;
        this.bind = bind;
        this.gracefulShutdown = gracefulShutdown ? new GracefulShutdown(server) : null;
    }

    /** Runs the application's initializers, listeners and filters (Boot registers its servlets here). */
    void initialize() {
        try {
            server.initialize();
        } catch (ServletException | RuntimeException e) {
            server.destroy();
            throw new WebServerException("Unable to start embedded Pronto server", e);
        }
    }

    @Override
    public void start() throws WebServerException {
        synchronized (monitor) {
            if (started) {
                return;
            }
            if (gracefulShutdown != null) {
                gracefulShutdown.reset();
            }
            if (bind) {
                bindAndStart();
            } else {
                startWithoutConnector();
            }
            started = true;
        }
    }

    private void bindAndStart() {
        ServerConfig config = server.config();
        try {
            server.start();
        } catch (IOException | ServletException | RuntimeException e) {
            PortInUseException.throwIfPortBindingException(e, config::port);
            throw new WebServerException("Unable to start embedded Pronto server", e);
        }
        port = server.port();
        if (server.securePort() > 0) {
            log.info("Pronto started on port {} (https){} with context path '{}'", port,
                    server.httpPort() > 0 ? " and port " + server.httpPort() + " (http)" : "", contextPath());
        } else {
            log.info("Pronto started on port {} (http) with context path '{}'", port, contextPath());
        }
    }

    private void startWithoutConnector() {
        try {
            for (WebApplication app : server.applications()) {
                if (app.state() == WebApplication.State.INITIALIZED) {
                    app.startServlets();
                }
            }
        } catch (ServletException | RuntimeException e) {
            throw new WebServerException("Unable to start embedded Pronto server", e);
        }
        log.info("Pronto started with no port (server.port=-1) and context path '{}'", contextPath());
    }

    private String contextPath() {
        String path = server.applications().isEmpty() ? "" : server.applications().get(0).contextPath();
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public void stop() throws WebServerException {
        synchronized (monitor) {
            if (gracefulShutdown != null) {
                gracefulShutdown.abort();
            }
            server.stop(Duration.ZERO);
            started = false;
            port = -1;
        }
    }

    @Override
    public void destroy() {
        stop();
        server.destroy();
    }

    /** The bound port; -1 when not running or started without one ({@code server.port=-1}). */
    @Override
    public int getPort() {
        return port;
    }

    /** Stops accepting and reports once the requests in flight are done; see {@link GracefulShutdown}. */
    @Override
    public void shutDownGracefully(GracefulShutdownCallback callback) {
        if (gracefulShutdown == null) {
            callback.shutdownComplete(GracefulShutdownResult.IMMEDIATE);
            return;
        }
        synchronized (monitor) {
            if (!started || !bind) {
                callback.shutdownComplete(GracefulShutdownResult.IDLE);
                return;
            }
            gracefulShutdown.shutDownGracefully(callback);
        }
    }

    /** The Pronto server underneath (its applications, executor and counters). */
    public ProntoServer getProntoServer() {
        return server;
    }
}
