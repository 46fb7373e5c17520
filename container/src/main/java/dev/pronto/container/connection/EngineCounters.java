package dev.pronto.container.connection;

import dev.pronto.container.RequestOutcome;
import dev.pronto.container.ServerMetrics;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's counters behind {@link ServerMetrics}. Each event loop (each thread that runs connections) owns a
 * {@link LoopCounters} and adds to it without atomics; a reader sums every loop's share. Nothing is allocated per
 * request. Gauges are kept as two monotonic counters (up, down) changed on the same loop, whose difference is read.
 * Rejected input, rare, is counted by status in a concurrent map. Thread-safe.
 */
public final class EngineCounters implements ServerMetrics {

    private final List<LoopCounters> loops = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<LoopCounters> current = new FastThreadLocal<>() {
        @Override
        protected LoopCounters initialValue() {
            LoopCounters counters = new LoopCounters();
            loops.add(counters);
            return counters;
        }
    };
    private final ConcurrentMap<Integer, LongAdder> decodeErrors = new ConcurrentHashMap<>();

    public EngineCounters() {
    }

    /**
     * The calling thread's share; call it on the event loop that will add to it (a connection or codec looks it up
     * once, on its loop, and keeps it).
     */
    public LoopCounters forCurrentLoop() {
        return current.get();
    }

    // ---- recording (engine only), off the hot path ------------------------------------------------------------

    /** A request the engine refused itself with {@code status} (HTTP/1.1 decode errors, HTTP/2 rejected streams). */
    public void decodeError(int status) {
        decodeErrors.computeIfAbsent(status, s -> new LongAdder()).increment(); // rare: bad input only
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private long sum(int counter) {
        long total = 0;
        for (LoopCounters loop : loops) {
            total += loop.get(counter);
        }
        return total;
    }

    @Override
    public long connectionsOpen() {
        return difference(LoopCounters.ACCEPTED, LoopCounters.CLOSED);
    }

    @Override
    public long connectionsAccepted() {
        return sum(LoopCounters.ACCEPTED);
    }

    @Override
    public long connectionsRejected() {
        return sum(LoopCounters.REJECTED);
    }

    @Override
    public long requestsActive() {
        return difference(LoopCounters.REQUESTS_STARTED, LoopCounters.REQUESTS_ENDED);
    }

    @Override
    public long requestsCompleted(RequestOutcome outcome) {
        return sum(LoopCounters.OUTCOMES + outcome.ordinal());
    }

    @Override
    public long pipelinedInFlight() {
        return difference(LoopCounters.PIPELINED_UP, LoopCounters.PIPELINED_DOWN);
    }

    @Override
    public long bytesIn() {
        return sum(LoopCounters.BYTES_IN);
    }

    @Override
    public long bytesOut() {
        return sum(LoopCounters.BYTES_OUT);
    }

    @Override
    public Map<Integer, Long> decodeErrors() {
        Map<Integer, Long> copy = new TreeMap<>();
        decodeErrors.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    /**
     * Reads the "down" counters first: on each loop both only grow and down never passes up, so the result is
     * never negative.
     */
    private long difference(int up, int down) {
        long d = sum(down);
        return Math.max(0, sum(up) - d);
    }

    @Override
    public String toString() {
        return "EngineCounters{open=" + connectionsOpen() + ", accepted=" + connectionsAccepted() + ", active="
                + requestsActive() + ", in=" + bytesIn() + ", out=" + bytesOut() + '}';
    }
}
