package dev.pronto.container.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's view of its live connections: enforces the connection cap, counts requests in flight and drives
 * graceful shutdown. Thread-safe.
 */
public final class ConnectionRegistry {

    private final int maxConnections;
    private final Set<Http1Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicLong activeRequests = new AtomicLong();
    private volatile boolean draining;

    public ConnectionRegistry(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    boolean tryOpen(Http1Connection connection) {
        if (draining || connectionCount.incrementAndGet() > maxConnections) {
            connectionCount.decrementAndGet();
            return false;
        }
        connections.add(connection);
        return true;
    }

    void closed(Http1Connection connection) {
        if (connections.remove(connection)) {
            connectionCount.decrementAndGet();
        }
    }

    void requestStarted() {
        activeRequests.incrementAndGet();
    }

    void requestEnded() {
        activeRequests.decrementAndGet();
    }

    boolean isDraining() {
        return draining;
    }

    /** Requests dispatched to the handler whose response has not ended yet. */
    public long activeRequests() {
        return activeRequests.get();
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
