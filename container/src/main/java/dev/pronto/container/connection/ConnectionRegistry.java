package dev.pronto.container.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's view of its live connections: enforces the connection cap, counts requests in flight and drives
 * graceful shutdown. Thread-safe.
 */
public final class ConnectionRegistry {

    private final int maxConnections;
    private final Set<Http1Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final EngineCounters counters;
    private volatile boolean draining;

    public ConnectionRegistry(int maxConnections) {
        this(maxConnections, new EngineCounters());
    }

    public ConnectionRegistry(int maxConnections, EngineCounters counters) {
        this.maxConnections = maxConnections;
        this.counters = counters;
    }

    EngineCounters counters() {
        return counters;
    }

    /** On the connection's loop, which {@code loop} belongs to. */
    boolean tryOpen(Http1Connection connection, LoopCounters loop) {
        if (draining || connectionCount.incrementAndGet() > maxConnections) {
            connectionCount.decrementAndGet();
            loop.increment(LoopCounters.REJECTED);
            return false;
        }
        connections.add(connection);
        loop.increment(LoopCounters.ACCEPTED);
        return true;
    }

    void closed(Http1Connection connection, LoopCounters loop) {
        if (connections.remove(connection)) {
            connectionCount.decrementAndGet();
            loop.increment(LoopCounters.CLOSED);
        }
    }

    boolean isDraining() {
        return draining;
    }

    /** Requests dispatched to the handler whose response has not ended yet. */
    public long activeRequests() {
        return counters.requestsActive();
    }

    public int connectionCount() {
        return connectionCount.get();
    }

    /** Stops taking requests: idle connections close now, busy ones after their last response. */
    public void startDraining() {
        draining = true;
        for (Http1Connection connection : connections) {
            connection.drain();
        }
    }

    /** Closes every connection at once (end of the grace period). */
    public void closeAll() {
        for (Http1Connection connection : connections) {
            connection.closeNow();
        }
    }
}
