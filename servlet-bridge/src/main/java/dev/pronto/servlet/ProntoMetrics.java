package dev.pronto.servlet;

import dev.pronto.container.ServerMetrics;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.worker.RequestExecutor;
import dev.pronto.servlet.session.SessionMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only view of a {@link ProntoServer}'s counters: the engine's (connections, requests, bytes, rejected
 * input), the worker executor's and each application's sessions. No metrics library needed; the Spring Boot
 * starter binds these to Micrometer. Thread-safe; every read sums live counters, nothing is cached.
 */
public final class ProntoMetrics {

    private final ProntoServer server;
    private final ServerMetrics engine;

    ProntoMetrics(ProntoServer server, ServerMetrics engine) {
        this.server = server;
        this.engine = engine;
    }

    /** Connections, requests by outcome, pipelined requests, bytes, decode errors; kept across stop and start. */
    public ServerMetrics engine() {
        return engine;
    }

    /** Blocking requests running on workers now; 0 before the server is initialised. */
    public int workersActive() {
        RequestExecutor executor = server.executorIfAny();
        return executor == null ? 0 : executor.activeCount();
    }

    /** Blocking requests waiting for a worker now. */
    public int workersQueued() {
        RequestExecutor executor = server.executorIfAny();
        return executor == null ? 0 : executor.queuedCount();
    }

    /** Requests the worker executor refused (only after it was closed). */
    public long workersRejected() {
        RequestExecutor executor = server.executorIfAny();
        return executor == null ? 0 : executor.rejectedCount();
    }

    /** The most blocking requests that may run at once; 0 before the server is initialised. */
    public int workersMax() {
        RequestExecutor executor = server.executorIfAny();
        return executor == null ? 0 : executor.maxConcurrency();
    }

    /**
     * Each initialised application's session counters, by context path ({@code ""} for the root), in the meaning
     * of Tomcat's {@code tomcat.sessions.*}.
     */
    public Map<String, SessionMetrics> sessions() {
        Map<String, SessionMetrics> all = new LinkedHashMap<>();
        for (WebApplication app : server.applications()) {
            SessionMetrics metrics = app.sessionMetrics();
            if (metrics != null) {
                all.put(app.contextPath(), metrics);
            }
        }
        return all;
    }
}
