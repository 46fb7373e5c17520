package dev.pronto.servlet.dispatch;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the blocking requests one event-loop round dispatched and hands them to the workers with one task per
 * connection, run in arrival order: a pipelined batch of 16 costs one thread hop, not 16 (Japronto runs a read's
 * requests one after the other the same way). Event-loop confined; each worker task is independent.
 */
final class WorkerBatch implements Runnable {

    private static final FastThreadLocal<WorkerBatch> CURRENT = new FastThreadLocal<>();

    private final EventLoop loop;
    private final RequestExecutor executor;
    private List<Runnable> cycles = new ArrayList<>();
    private List<String> connections = new ArrayList<>();

    private WorkerBatch(EventLoop loop, RequestExecutor executor) {
        this.loop = loop;
        this.executor = executor;
    }

    /** Queues {@code cycle} of {@code connectionId}; called on {@code loop}. */
    static void add(EventLoop loop, RequestExecutor executor, String connectionId, Runnable cycle) {
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
        batch.connections.add(connectionId);
    }

    @Override
    public void run() {
        List<Runnable> all = cycles;
        List<String> ids = connections;
        cycles = new ArrayList<>();
        connections = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= all.size(); i++) {
            if (i == all.size() || !ids.get(i).equals(ids.get(start))) {
                submit(all.subList(start, i));
                start = i;
            }
        }
    }

    private void submit(List<Runnable> group) {
        if (group.size() == 1) {
            executor.execute(group.get(0));
            return;
        }
        Runnable[] tasks = group.toArray(new Runnable[0]);
        executor.execute(() -> {
            for (Runnable task : tasks) {
                task.run();
            }
        });
    }
}
