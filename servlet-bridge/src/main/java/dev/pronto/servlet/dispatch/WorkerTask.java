package dev.pronto.servlet.dispatch;

import dev.pronto.container.WorkerScope;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several connections' requests run by one worker, one connection after another; another worker may join and
 * take the connections not started yet (work stealing), so a slow request holds up only its own connection's
 * pipeline. A connection's requests always run in order on one thread (RFC 9112 §9.3.2). Thread-safe.
 */
final class WorkerTask implements Runnable {

    private final Runnable[] connections;
    private final WorkerScope scope = new WorkerScope();
    private final AtomicInteger next = new AtomicInteger();
    private volatile long startedNanos;
    volatile long lastHelpNanos;
    private volatile boolean done;

    WorkerTask(Runnable[] connections) {
        this.connections = connections;
    }

    /** Runs (or joins in running) the connections nobody has started yet. */
    @Override
    public void run() {
        scope.run(() -> {
            int i;
            while ((i = next.getAndIncrement()) < connections.length) {
                if (i == 0) {
                    startedNanos = System.nanoTime();
                }
                connections[i].run();
            }
        });
        if (!hasUnstarted()) {
            done = true; // a helper that finds nothing left also ends here; the last runner's flush is enough
        }
    }

    /** Hands the responses finished so far to the event loops (the worker is stuck in a slow request). */
    void flushFinished() {
        scope.flush();
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
