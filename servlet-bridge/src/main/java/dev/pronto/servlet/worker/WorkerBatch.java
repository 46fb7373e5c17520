package dev.pronto.servlet.worker;

import dev.pronto.container.HttpExchange;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the blocking requests one event-loop round dispatched and hands them to the workers in few tasks: a
 * round costs a few thread hops, not one per request (Japronto runs a read's requests one after the other the same
 * way). A connection's requests stay together and in order; connections are packed up to {@link #MAX_PER_TASK}
 * requests a task, and a task stuck for {@link #STEAL_AFTER_NANOS} in one request gets a second worker for the
 * connections it has not started. Event-loop confined; the tasks are {@link WorkerTask}s.
 */
final class WorkerBatch implements Runnable {

    private static final FastThreadLocal<WorkerBatch> CURRENT = new FastThreadLocal<>();
    /** Requests of different connections that may share one worker task (one thread hop). */
    static final int MAX_PER_TASK = 64;
    /** How long a task may sit in one request before another worker takes its waiting connections. */
    static final long STEAL_AFTER_NANOS = 2_000_000;

    private final EventLoop loop;
    private final RequestExecutor executor;
    private List<Runnable> cycles = new ArrayList<>();
    private List<HttpExchange> exchanges = new ArrayList<>();
    private final List<WorkerTask> watched = new ArrayList<>();
    private final Runnable stealCheck = this::onStealCheck;
    private boolean stealCheckArmed;

    private WorkerBatch(EventLoop loop, RequestExecutor executor) {
        this.loop = loop;
        this.executor = executor;
    }

    /** Queues {@code cycle}, the work of {@code exchange}; called on the exchange's event loop. */
    static void add(RequestExecutor executor, HttpExchange exchange, Runnable cycle) {
        EventLoop loop = exchange.eventLoop();
        WorkerBatch batch = CURRENT.get();
        if (batch == null || batch.executor != executor) {
            batch = new WorkerBatch(loop, executor);
            CURRENT.set(batch);
        }
        if (batch.cycles.isEmpty()) {
            // Runs after this round's reads: by then every request they brought is queued.
            loop.execute(batch);
        }
        batch.cycles.add(cycle);
        batch.exchanges.add(exchange);
    }

    @Override
    public void run() {
        List<Runnable> all = cycles;
        List<HttpExchange> owners = exchanges;
        cycles = new ArrayList<>();
        exchanges = new ArrayList<>();
        helpStuckTasks(System.nanoTime());
        List<WorkerTask.Unit> units = new ArrayList<>();
        int requests = 0;
        int start = 0;
        for (int i = 1; i <= all.size(); i++) {
            if (i == all.size() || !sameConnection(owners.get(i), owners.get(i - 1))) {
                units.add(new WorkerTask.Unit(owners.subList(start, i).toArray(new HttpExchange[0]),
                        all.subList(start, i).toArray(new Runnable[0])));
                requests += i - start;
                start = i;
                if (requests >= MAX_PER_TASK || i == all.size()) {
                    submit(units);
                    units = new ArrayList<>();
                    requests = 0;
                }
            }
        }
    }

    private static boolean sameConnection(HttpExchange a, HttpExchange b) {
        return a.connectionId().equals(b.connectionId());
    }

    /** One worker task; its responses reach the event loops when it ends (one wake-up per connection). */
    private void submit(List<WorkerTask.Unit> units) {
        WorkerTask task = new WorkerTask(units.toArray(new WorkerTask.Unit[0]));
        executor.execute(task);
        if (units.size() > 1) {
            watched.add(task);
            armStealCheck();
        }
    }

    /**
     * A task sitting in one request for long: the responses it finished go out now, and another worker takes the
     * connections it has not started.
     */
    private void helpStuckTasks(long now) {
        for (int i = watched.size() - 1; i >= 0; i--) {
            WorkerTask task = watched.get(i);
            if (task.isDone()) {
                watched.remove(i);
            } else if (task.isStuck(now, STEAL_AFTER_NANOS)) {
                task.lastHelpNanos = now;
                task.flushFinished();
                if (task.hasUnstarted()) {
                    executor.execute(task);
                }
            }
        }
    }

    private void armStealCheck() {
        if (!stealCheckArmed) {
            stealCheckArmed = true;
            loop.schedule(stealCheck, STEAL_AFTER_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private void onStealCheck() {
        stealCheckArmed = false;
        helpStuckTasks(System.nanoTime());
        if (!watched.isEmpty()) {
            armStealCheck();
        }
    }
}
