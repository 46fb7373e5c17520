package dev.pronto.container;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Lets worker threads finish several responses and wake each connection's event loop once, instead of once per
 * response: while a task runs inside {@link #run}, the hand-over of completed responses is deferred until the task
 * ends, an explicit {@link HttpExchange#flush()}, a wait for writability, or {@link #flush()} from any thread.
 * Thread-safe; {@link #run} binds the scope to the calling thread for the task's duration.
 */
public final class WorkerScope {

    /** A connection whose event loop has response work waiting to be drained. */
    public interface Drainable {
        void scheduleDrain();
    }

    private static final ThreadLocal<WorkerScope> CURRENT = new ThreadLocal<>();

    private final Queue<Drainable> deferred = new ConcurrentLinkedQueue<>();

    /** Runs {@code task} in this scope, then hands over every response it completed. */
    public void run(Runnable task) {
        WorkerScope outer = CURRENT.get();
        CURRENT.set(this);
        try {
            task.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            flush();
        }
    }

    /** Hands over what this scope deferred so far; callable from any thread. */
    public void flush() {
        Drainable connection;
        while ((connection = deferred.poll()) != null) {
            connection.scheduleDrain();
        }
    }

    /**
     * Schedules {@code connection}'s drain now, or when the calling thread's scope hands over if there is one.
     * Called by the engine off the event loop.
     */
    public static void scheduleDrain(Drainable connection) {
        WorkerScope scope = CURRENT.get();
        if (scope == null) {
            connection.scheduleDrain();
        } else {
            scope.deferred.add(connection);
        }
    }

    /** Hands over what the calling thread's scope deferred (before blocking, or on an explicit flush). */
    public static void flushCurrent() {
        WorkerScope scope = CURRENT.get();
        if (scope != null) {
            scope.flush();
        }
    }
}
