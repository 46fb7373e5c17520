package dev.pronto.servlet.worker;

import dev.pronto.container.CompletionBatch;
import dev.pronto.container.HttpExchange;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several connections' requests run by one worker, one connection after another; another worker may join and
 * take the connections not started yet (work stealing), so a slow request holds up only its own connection's
 * pipeline. A connection's requests always run in order on one thread (RFC 9112 §9.3.2). Each exchange is bound to
 * the task's {@link CompletionBatch} while it runs, so the task wakes each event loop once, at its end. Thread-safe.
 */
final class WorkerTask implements Runnable {

    /** One connection's requests of a round, in order. */
    record Unit(HttpExchange[] exchanges, Runnable[] work) {
    }

    private final Unit[] connections;
    private final CompletionBatch completions = new CompletionBatch();
    private final AtomicInteger next = new AtomicInteger();
    private volatile long startedNanos;
    volatile long lastHelpNanos;
    private volatile boolean done;

    WorkerTask(Unit[] connections) {
        this.connections = connections;
    }

    /** Runs (or joins in running) the connections nobody has started yet, then hands back what it completed. */
    @Override
    public void run() {
        completions.enter();
        try {
            int i;
            while ((i = next.getAndIncrement()) < connections.length) {
                if (i == 0) {
                    startedNanos = System.nanoTime();
                }
                runUnit(connections[i]);
            }
        } finally {
            completions.exit();
        }
        if (!hasUnstarted()) {
            done = true; // a helper that finds nothing left also ends here; the last runner's hand-back is enough
        }
    }

    private void runUnit(Unit unit) {
        for (int r = 0; r < unit.work.length; r++) {
            HttpExchange exchange = unit.exchanges[r];
            exchange.handBackVia(completions);
            try {
                unit.work[r].run();
            } finally {
                exchange.handBackVia(null); // a later completion (async) is not held back by this task
            }
        }
    }

    /** Hands the responses finished so far to the event loops (the worker is stuck in a slow request). */
    void flushFinished() {
        completions.handBack();
    }

    boolean hasUnstarted() {
        return next.get() < connections.length;
    }

    /** True if the task started (or was last helped) more than {@code nanos} ago and has not finished. */
    boolean isStuck(long now, long nanos) {
        long started = startedNanos;
        return started != 0 && !done && now - Math.max(started, lastHelpNanos) > nanos;
    }

    boolean isDone() {
        return done;
    }
}
