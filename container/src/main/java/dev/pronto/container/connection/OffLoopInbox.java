package dev.pronto.container.connection;

import dev.pronto.container.CompletionBatch;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Response parts completed off the event loop, waiting to be written on it: a multi-producer queue drained by one
 * task on the loop, scheduled once per burst (or once per {@link CompletionBatch} hand-back). Producers: any
 * thread; the drain: the event loop. Messages still queued when the loop is gone are released here.
 */
final class OffLoopInbox {

    /** A response part of {@code exchange}; {@code last} ends its response. */
    record Op(Http1Exchange exchange, Object msg, boolean last) {
    }

    /** Takes every queued op on the event loop by calling {@link #poll()} until it returns null. */
    interface Sink {
        void drain(OffLoopInbox inbox);
    }

    private final Queue<Op> ops = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final EventLoop loop;
    private final Runnable drainTask;
    private final Runnable wakeUp = this::wakeUp;

    OffLoopInbox(EventLoop loop, Sink sink) {
        this.loop = loop;
        this.drainTask = () -> drain(sink);
    }

    /** Queues {@code op}; the first of a burst wakes the loop now, or at {@code batch}'s hand-back (may be null). */
    void add(Op op, CompletionBatch batch) {
        ops.add(op);
        if (scheduled.compareAndSet(false, true)) {
            if (batch == null) {
                wakeUp();
            } else {
                batch.defer(wakeUp);
            }
        }
    }

    private void wakeUp() {
        try {
            loop.execute(drainTask);
        } catch (RejectedExecutionException e) {
            // The server stopped and its event loops are gone (a request outlived stop()): the connection is
            // closed, so nothing can be written; release what waits instead of leaking it.
            scheduled.set(false);
            Op op;
            while ((op = ops.poll()) != null) {
                ReferenceCountUtil.release(op.msg());
            }
        }
    }

    private void drain(Sink sink) {
        scheduled.set(false);
        sink.drain(this);
    }

    /** The next op, or null. Event loop, inside {@link Sink#drain}. */
    Op poll() {
        return ops.poll();
    }
}
