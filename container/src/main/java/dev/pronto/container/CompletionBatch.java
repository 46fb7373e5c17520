package dev.pronto.container;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one hop back from the workers: responses that exchanges {@linkplain HttpExchange#handBackVia bound to this
 * batch} complete off the event loop wait here, and {@link #handBack()} wakes each connection's event loop once for
 * all of them, instead of once per response. A worker task {@linkplain #enter() enters} the batch while it runs its
 * exchanges and {@linkplain #exit() exits} at its end; outside any run the batch defers nothing, so a completion
 * made later (an async request) is never stranded. Thread-safe: several workers may run one batch together.
 */
public final class CompletionBatch {

    private final Queue<Runnable> wakeUps = new ConcurrentLinkedQueue<>();
    private final AtomicInteger runners = new AtomicInteger();

    /** A worker starts running exchanges of this batch. */
    public void enter() {
        runners.incrementAndGet();
    }

    /** The worker is done: hands back what it completed (once the last runner leaves, nothing is deferred). */
    public void exit() {
        runners.decrementAndGet();
        handBack();
    }

    /** Hands back what waits now (an explicit flush, a wait for writability, a task stuck in a slow request). */
    public void handBack() {
        Runnable wakeUp;
        while ((wakeUp = wakeUps.poll()) != null) {
            wakeUp.run();
        }
    }

    /**
     * Engine side: runs {@code wakeUp} (the connection's hand-off to its event loop) now, or at the next hand-back
     * while a worker runs the batch. Any thread.
     */
    public void defer(Runnable wakeUp) {
        if (runners.get() == 0) {
            wakeUp.run();
            return;
        }
        wakeUps.add(wakeUp);
        if (runners.get() == 0) {
            handBack(); // the last runner left meanwhile: do not strand the wake-up
        }
    }
}
