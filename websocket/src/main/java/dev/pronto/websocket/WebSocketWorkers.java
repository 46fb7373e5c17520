package dev.pronto.websocket;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run endpoint code (onOpen, onMessage, onClose): virtual threads on Java 21+, else a cached pool of
 * daemon threads. Each connection uses them through its own serial executor, so one session's callbacks never overlap.
 */
final class WebSocketWorkers {

    private WebSocketWorkers() {
    }

    static ExecutorService create() {
        try {
            // Java 21+: Executors.newVirtualThreadPerTaskExecutor(), looked up so that the module runs on 17.
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "pronto-websocket-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            return Executors.newCachedThreadPool(factory);
        }
    }
}
