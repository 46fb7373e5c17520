package dev.pronto.servlet.async;

import dev.pronto.servlet.context.ClassLoaderSwap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one async request's container callbacks (dispatches, AsyncListener events, ReadListener and WriteListener
 * calls) one at a time, in submission order, on the request's container thread: two never overlap. It is created
 * held by the container dispatch that called startAsync, so nothing runs before that dispatch returns and calls
 * {@link #release}. Thread-safe.
 */
final class CallbackSerializer implements Executor {

    private static final Logger log = LoggerFactory.getLogger(CallbackSerializer.class);

    private final Executor thread;
    private final ClassLoader loader;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean busy = new AtomicBoolean(true);
    private volatile boolean closed;

    CallbackSerializer(Executor thread, ClassLoader loader) {
        this.thread = thread;
        this.loader = loader;
    }

    /** Queues {@code task}; it runs after every callback queued before it. Ignored once the request completed. */
    @Override
    public void execute(Runnable task) {
        if (closed) {
            return;
        }
        tasks.add(task);
        if (busy.compareAndSet(false, true)) {
            handOff();
        }
    }

    /** The holder (the dispatch that started async) returned: runs what was queued meanwhile on this thread. */
    void release() {
        drain();
    }

    /** The request completed: queued callbacks are dropped and later ones ignored. Called from a callback. */
    void close() {
        closed = true;
        tasks.clear();
    }

    private void handOff() {
        try {
            thread.execute(this::drain);
        } catch (RejectedExecutionException e) {
            log.debug("Dropping async callbacks: the container is stopping");
            busy.set(false);
        }
    }

    private void drain() {
        ClassLoader previous = ClassLoaderSwap.enter(loader);
        try {
            do {
                Runnable task;
                while (!closed && (task = tasks.poll()) != null) {
                    runOne(task);
                }
                busy.set(false);
                // A task queued between the last poll and letting go would otherwise wait for the next one.
            } while (!closed && !tasks.isEmpty() && busy.compareAndSet(false, true));
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }

    private static void runOne(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("Async callback failed", e);
        }
    }
}
