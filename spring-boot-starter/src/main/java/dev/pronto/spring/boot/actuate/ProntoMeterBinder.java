package dev.pronto.spring.boot.actuate;

import dev.pronto.container.RequestOutcome;
import dev.pronto.container.ServerMetrics;
import dev.pronto.servlet.ProntoMetrics;
import dev.pronto.servlet.session.SessionMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a Pronto server's counters to Micrometer as {@code pronto.*} meters; the session meters mean what Tomcat's
 * {@code tomcat.sessions.*} mean (summed over the server's applications). Meters read the live counters when
 * scraped; binding happens once.
 */
public final class ProntoMeterBinder implements MeterBinder {

    /** The statuses the engine answers bad input with; each gets a {@code pronto.requests.rejected} counter. */
    static final int[] ENGINE_STATUSES = { 400, 408, 413, 414, 417, 431, 501, 505 };

    private final ProntoMetrics metrics;
    private final Iterable<Tag> tags;

    public ProntoMeterBinder(ProntoMetrics metrics, Iterable<Tag> tags) {
        this.metrics = metrics;
        this.tags = tags;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindEngine(registry, metrics.engine());
        bindWorkers(registry);
        bindSessions(registry);
    }

    private void bindEngine(MeterRegistry registry, ServerMetrics engine) {
        gauge(registry, "pronto.connections.open", "Connections open now", engine, ServerMetrics::connectionsOpen);
        counter(registry, "pronto.connections.accepted", "Connections accepted", engine,
                ServerMetrics::connectionsAccepted, Tags.of(tags));
        counter(registry, "pronto.connections.rejected", "Connections closed at once at the connection cap", engine,
                ServerMetrics::connectionsRejected, Tags.of(tags));
        gauge(registry, "pronto.requests.active", "Requests whose response has not ended", engine,
                ServerMetrics::requestsActive);
        gauge(registry, "pronto.requests.pipelined", "Requests waiting behind an earlier one on their connection",
                engine, ServerMetrics::pipelinedInFlight);
        for (RequestOutcome outcome : RequestOutcome.values()) {
            counter(registry, "pronto.requests.completed", "Requests ended, by outcome", engine,
                    e -> e.requestsCompleted(outcome), Tags.of(tags).and("outcome", outcome.name()));
        }
        for (int status : ENGINE_STATUSES) {
            counter(registry, "pronto.requests.rejected", "Requests the engine refused as malformed or over a limit",
                    engine, e -> e.decodeErrors().getOrDefault(status, 0L),
                    Tags.of(tags).and("status", Integer.toString(status)));
        }
        FunctionCounter.builder("pronto.bytes.received", engine, e -> (double) e.bytesIn()).baseUnit("bytes")
                .description("Bytes read from clients").tags(tags).register(registry);
        FunctionCounter.builder("pronto.bytes.sent", engine, e -> (double) e.bytesOut()).baseUnit("bytes")
                .description("Bytes written to clients").tags(tags).register(registry);
    }

    private void bindWorkers(MeterRegistry registry) {
        gauge(registry, "pronto.workers.active", "Blocking requests running on workers", metrics,
                ProntoMetrics::workersActive);
        gauge(registry, "pronto.workers.queued", "Blocking requests waiting for a worker", metrics,
                ProntoMetrics::workersQueued);
        gauge(registry, "pronto.workers.max", "Blocking requests that may run at once", metrics,
                ProntoMetrics::workersMax);
        counter(registry, "pronto.workers.rejected", "Requests the worker executor refused", metrics,
                ProntoMetrics::workersRejected, Tags.of(tags));
    }

    private void bindSessions(MeterRegistry registry) {
        gauge(registry, "pronto.sessions.active.current", "Sessions held now (tomcat.sessions.active.current)",
                metrics, m -> sum(m, SessionMetrics::active));
        gauge(registry, "pronto.sessions.active.max", "Most sessions held at once (tomcat.sessions.active.max)",
                metrics, m -> max(m, SessionMetrics::activeMax));
        counter(registry, "pronto.sessions.created", "Sessions created (tomcat.sessions.created)", metrics,
                m -> sum(m, SessionMetrics::created), Tags.of(tags));
        counter(registry, "pronto.sessions.expired", "Sessions ended (tomcat.sessions.expired)", metrics,
                m -> sum(m, SessionMetrics::expired), Tags.of(tags));
        counter(registry, "pronto.sessions.rejected", "Sessions refused at the cap (tomcat.sessions.rejected)",
                metrics, m -> sum(m, SessionMetrics::rejected), Tags.of(tags));
        TimeGauge.builder("pronto.sessions.alive.max", metrics, TimeUnit.SECONDS,
                        m -> max(m, SessionMetrics::aliveMaxSeconds))
                .description("Longest an ended session lived (tomcat.sessions.alive.max)").tags(tags)
                .register(registry);
    }

    private static double sum(ProntoMetrics m, ToDoubleFunction<SessionMetrics> value) {
        return m.sessions().values().stream().mapToDouble(value).sum();
    }

    private static double max(ProntoMetrics m, ToDoubleFunction<SessionMetrics> value) {
        return m.sessions().values().stream().mapToDouble(value).max().orElse(0);
    }

    private <T> void gauge(MeterRegistry registry, String name, String description, T source,
                           ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).tags(tags).register(registry);
    }

    private static <T> void counter(MeterRegistry registry, String name, String description, T source,
                                    ToDoubleFunction<T> value, Tags tags) {
        FunctionCounter.builder(name, source, value).description(description).tags(tags).register(registry);
    }
}
