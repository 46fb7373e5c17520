package dev.pronto.container.connection;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One event loop's share of the engine's counters: plain longs that only the owning loop writes (an opaque store,
 * no lock prefix, no contention) and any thread reads (opaque loads); {@link EngineCounters} sums the shares.
 * The array is padded so that two loops' counters never share a cache line.
 */
public final class LoopCounters {

    static final int ACCEPTED = 0;
    static final int CLOSED = 1;
    static final int REJECTED = 2;
    static final int REQUESTS_STARTED = 3;
    static final int REQUESTS_ENDED = 4;
    static final int PIPELINED_UP = 5;
    static final int PIPELINED_DOWN = 6;
    static final int BYTES_IN = 7;
    static final int BYTES_OUT = 8;
    /** Then one counter per {@code RequestOutcome}, by ordinal. */
    static final int OUTCOMES = 9;
    static final int COUNT = OUTCOMES + 6;

    private static final int PAD = 16; // 128 bytes each side
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots = new long[PAD + COUNT + PAD];

    LoopCounters() {
    }

    void increment(int counter) {
        add(counter, 1);
    }

    void add(int counter, long delta) {
        int i = PAD + counter;
        SLOT.setOpaque(slots, i, slots[i] + delta); // single writer: the owning event loop
    }

    long get(int counter) {
        return (long) SLOT.getOpaque(slots, PAD + counter);
    }

    /** A request was handed to the handler (HTTP/2 streams count here as HTTP/1.1 requests do). */
    public void requestStarted() {
        increment(REQUESTS_STARTED);
    }

    /** A request handed to the handler ended, as {@code outcome}. */
    public void requestEnded(dev.pronto.container.RequestOutcome outcome) {
        increment(OUTCOMES + outcome.ordinal());
        increment(REQUESTS_ENDED);
    }

    /** Bytes read from this loop's sockets (the decoder adds them, once per read). */
    public void addBytesIn(long bytes) {
        add(BYTES_IN, bytes);
    }

    /** Bytes this loop encoded for its sockets (the encoder adds them). */
    public void addBytesOut(long bytes) {
        add(BYTES_OUT, bytes);
    }
}
