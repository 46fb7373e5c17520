package dev.pronto.container.connection;

import dev.pronto.container.RequestOutcome;
import dev.pronto.container.ServerMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's counters behind {@link ServerMetrics}. Each is a {@link LongAdder}: an event loop adds to its own
 * cell (no contention between loops, no allocation per request), a reader sums the cells. Gauges are kept as two
 * monotonic counters (up, down) whose difference is read. Thread-safe.
 */
public final class EngineCounters implements ServerMetrics {

    private static final RequestOutcome[] OUTCOMES = RequestOutcome.values();

    private final LongAdder accepted = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder requestsStarted = new LongAdder();
    private final LongAdder requestsEnded = new LongAdder();
    private final LongAdder[] outcomes = new LongAdder[OUTCOMES.length];
    private final LongAdder pipelinedUp = new LongAdder();
    private final LongAdder pipelinedDown = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final ConcurrentMap<Integer, LongAdder> decodeErrors = new ConcurrentHashMap<>();

    public EngineCounters() {
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
    }

    // ---- recording (engine only) ---------------------------------------------------------------------------

    void connectionAccepted() {
        accepted.increment();
    }

    void connectionClosed() {
        closed.increment();
    }

    void connectionRejected() {
        rejected.increment();
    }

    void requestStarted() {
        requestsStarted.increment();
    }

    void requestEnded(RequestOutcome outcome) {
        outcomes[outcome.ordinal()].increment();
        requestsEnded.increment();
    }

    void pipelinedQueued() {
        pipelinedUp.increment();
    }

    void pipelinedReachedHead() {
        pipelinedDown.increment();
    }

    void decodeError(int status) {
        decodeErrors.computeIfAbsent(status, s -> new LongAdder()).increment(); // rare: bad input only
    }

    /** Added to by the decoder for every read buffer; exposed so the {@code http1} codecs need no back-reference. */
    public LongAdder bytesInAdder() {
        return bytesIn;
    }

    /** Added to by the encoder for every encoded buffer or file region. */
    public LongAdder bytesOutAdder() {
        return bytesOut;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Override
    public long connectionsOpen() {
        return difference(accepted, closed);
    }

    @Override
    public long connectionsAccepted() {
        return accepted.sum();
    }

    @Override
    public long connectionsRejected() {
        return rejected.sum();
    }

    @Override
    public long requestsActive() {
        return difference(requestsStarted, requestsEnded);
    }

    @Override
    public long requestsCompleted(RequestOutcome outcome) {
        return outcomes[outcome.ordinal()].sum();
    }

    @Override
    public long pipelinedInFlight() {
        return difference(pipelinedUp, pipelinedDown);
    }

    @Override
    public long bytesIn() {
        return bytesIn.sum();
    }

    @Override
    public long bytesOut() {
        return bytesOut.sum();
    }

    @Override
    public Map<Integer, Long> decodeErrors() {
        Map<Integer, Long> copy = new TreeMap<>();
        decodeErrors.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    /**
     * Reads the "down" counter first: both only grow and down never passes up, so the result is never negative.
     */
    private static long difference(LongAdder up, LongAdder down) {
        long d = down.sum();
        return Math.max(0, up.sum() - d);
    }

    @Override
    public String toString() {
        return "EngineCounters{open=" + connectionsOpen() + ", accepted=" + connectionsAccepted() + ", active="
                + requestsActive() + ", in=" + bytesIn() + ", out=" + bytesOut() + '}';
    }
}
