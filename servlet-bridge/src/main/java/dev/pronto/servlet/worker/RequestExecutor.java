package dev.pronto.servlet.worker;

import dev.pronto.container.HttpExchange;
import java.lang.reflect.Method;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs blocking servlet code off the event loop: on virtual threads when the JVM has them (Java 21+, found at run
 * time so the build still targets 17), else on a bounded platform pool; at most {@code maxConcurrency} tasks run
 * at once, the rest wait in order. {@link #dispatch} is the request path's one hop to the workers. Thread-safe.
 */
public final class RequestExecutor implements AutoCloseable {

    /** Which threads run blocking requests. */
    public enum Kind {
        /** Virtual threads where available, else platform threads. */
        AUTO,
        VIRTUAL,
        PLATFORM
    }

    private final ExecutorService delegate;
    private final boolean virtual;
    private final int maxConcurrency;
    /** Virtual threads only (one per task, unbounded): how many run, and who waits for a turn. */
    private final AtomicInteger active = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final LongAdder rejected = new LongAdder();

    private RequestExecutor(ExecutorService delegate, boolean virtual, int maxConcurrency) {
        this.delegate = delegate;
        this.virtual = virtual;
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * @param maxConcurrency requests running at once; {@code <= 0} means the default (10 000 on virtual threads,
     *                       200 platform threads otherwise)
     */
    public static RequestExecutor create(Kind kind, int maxConcurrency) {
        ThreadFactory virtualFactory = kind == Kind.PLATFORM ? null : virtualThreadFactory();
        if (kind == Kind.VIRTUAL && virtualFactory == null) {
            throw new IllegalStateException(virtualUnavailable());
        }
        if (virtualFactory != null) {
            int limit = maxConcurrency > 0 ? maxConcurrency : 10_000;
            return new RequestExecutor(newThreadPerTaskExecutor(virtualFactory), true, limit);
        }
        int limit = maxConcurrency > 0 ? maxConcurrency : 200;
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(limit, r -> {
            Thread t = new Thread(r, "pronto-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new RequestExecutor(pool, false, limit);
    }

    /**
     * Checks a configured kind before anything starts (Boot's property binding, the runner's flags).
     *
     * @throws IllegalArgumentException for {@link Kind#VIRTUAL} where the JVM has no virtual threads
     */
    public static void checkAvailable(Kind kind) {
        if (kind == Kind.VIRTUAL && virtualThreadFactory() == null) {
            throw new IllegalArgumentException(virtualUnavailable() + " (use auto or platform)");
        }
    }

    private static String virtualUnavailable() {
        return "Virtual threads need Java 21 or later; this is Java " + Runtime.version().feature();
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "pronto-vt-", 0L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // before Java 21
        }
    }

    private static ExecutorService newThreadPerTaskExecutor(ThreadFactory factory) {
        try {
            Method m = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) m.invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the virtual thread executor", e);
        }
    }

    public boolean isVirtual() {
        return virtual;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /**
     * Runs {@code work}, the blocking part of {@code exchange}, on a worker: gathered with the other requests of
     * this event-loop round, packed per connection into few tasks, each handing its responses back to the event
     * loops once. Called on the exchange's event loop.
     */
    public void dispatch(HttpExchange exchange, Runnable work) {
        WorkerBatch.add(this, exchange, work);
    }

    /** Runs {@code task} now if fewer than the limit are running, else when one finishes. */
    public void execute(Runnable task) {
        try {
            if (!virtual) {
                delegate.execute(task); // the fixed pool has exactly maxConcurrency threads: it is the limit
                return;
            }
            waiting.add(task);
            drain();
        } catch (RejectedExecutionException e) {
            rejected.increment();
            throw e;
        }
    }

    /** Tasks running now. */
    public int activeCount() {
        return virtual ? active.get() : ((ThreadPoolExecutor) delegate).getActiveCount();
    }

    /** Tasks waiting for a turn now (walks the queue: for metrics, not the hot path). */
    public int queuedCount() {
        return virtual ? waiting.size() : ((ThreadPoolExecutor) delegate).getQueue().size();
    }

    /** Tasks refused since creation (the executor was closed, a request outlived the server). */
    public long rejectedCount() {
        return rejected.sum();
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int running = active.get();
            if (running >= maxConcurrency) {
                return;
            }
            if (!active.compareAndSet(running, running + 1)) {
                continue;
            }
            Runnable task = waiting.poll();
            if (task == null) {
                active.decrementAndGet();
                continue;
            }
            delegate.execute(() -> runThenDrain(task));
        }
    }

    private void runThenDrain(Runnable task) {
        try {
            task.run();
        } finally {
            active.decrementAndGet();
            drain();
        }
    }

    @Override
    public void close() {
        delegate.shutdown();
        try {
            if (!delegate.awaitTermination(5, TimeUnit.SECONDS)) {
                delegate.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delegate.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return (virtual ? "virtual threads" : "platform threads") + " (max " + maxConcurrency + " concurrent)";
    }
}
