package dev.pronto.container.connection;

import dev.pronto.container.http1.Http1DecodeError;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Decoded input that arrived beyond the pipeline depth ({@code maxPipelined} requests in flight): held, in order,
 * with reading paused, until responses leave. Owns the messages it holds. Event loop only.
 */
final class ParkedInput {

    private final ArrayDeque<Object> parked = new ArrayDeque<>();
    private final int maxPipelined;
    private final ReadGate gate;

    ParkedInput(int maxPipelined, ReadGate gate) {
        this.maxPipelined = maxPipelined;
        this.gate = gate;
    }

    /** A request head, or what stands for one (a decode error). */
    static boolean isRequestStart(Object msg) {
        return msg instanceof HttpRequest || msg instanceof Http1DecodeError;
    }

    /** Parks {@code msg} (and pauses reading) when it must wait; false when it may be processed now. */
    boolean parkIfFull(Object msg, int inFlight) {
        if (parked.isEmpty() && !(isRequestStart(msg) && inFlight >= maxPipelined)) {
            return false;
        }
        parked.add(msg);
        gate.pause(ReadGate.Reason.PIPELINE_DEPTH);
        return true;
    }

    /**
     * Hands what may go now to {@code process} (it sees the line grow through {@code inFlight}); once nothing is
     * held, lifts the pipeline pause ({@code mayRead}: the connection still lives).
     */
    void release(Consumer<Object> process, IntSupplier inFlight, boolean mayRead) {
        Object msg;
        while ((msg = parked.peekFirst()) != null) {
            if (isRequestStart(msg) && inFlight.getAsInt() >= maxPipelined) {
                return;
            }
            process.accept(parked.pollFirst());
        }
        gate.resume(ReadGate.Reason.PIPELINE_DEPTH, mayRead);
    }

    /** The connection closed: drops what is held. */
    void releaseAll() {
        Object msg;
        while ((msg = parked.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
