package dev.pronto.container.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's view of its live connections: enforces the connection cap, counts requests in flight and drives
 * graceful shutdown. Thread-safe.
 */
public final class ConnectionRegistry {

    /** A connection of another protocol (HTTP/2) that graceful shutdown must reach. Event-loop confined. */
    public interface Member {
        /** Graceful shutdown began: finish what is in flight, take nothing new, then close. Any thread. */
        void drain();

        /** The grace period ended: close at once. Any thread. */
        void closeNow();
    }

    private final int maxConnections;
    private final Set<Http1Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Member> members = ConcurrentHashMap.newKeySet();
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

    /** As for an HTTP/1.1 connection: counts {@code member} against the cap, or refuses it. Its event loop. */
    public boolean tryOpen(Member member, LoopCounters loop) {
        if (draining || connectionCount.incrementAndGet() > maxConnections) {
            connectionCount.decrementAndGet();
            loop.increment(LoopCounters.REJECTED);
            return false;
        }
        members.add(member);
        loop.increment(LoopCounters.ACCEPTED);
        return true;
    }

    /** {@code member} closed (once; later calls do nothing). Its event loop. */
    public void closed(Member member, LoopCounters loop) {
        if (members.remove(member)) {
            connectionCount.decrementAndGet();
            loop.increment(LoopCounters.CLOSED);
        }
    }

    /**
     * {@code from} switched protocols in place ({@code Upgrade: h2c}): {@code to} takes its slot, counted once as one
     * connection; a shutdown that began meanwhile reaches {@code to} too. {@code from}'s event loop.
     */
    void handOver(Http1Connection from, Member to) {
        if (connections.remove(from)) {
            members.add(to);
            if (draining) {
                to.drain();
            }
        }
    }

    public boolean isDraining() {
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
        for (Member member : members) {
            member.drain();
        }
    }

    /** Closes every connection at once (end of the grace period). */
    public void closeAll() {
        for (Http1Connection connection : connections) {
            connection.closeNow();
        }
        for (Member member : members) {
            member.closeNow();
        }
    }
}
