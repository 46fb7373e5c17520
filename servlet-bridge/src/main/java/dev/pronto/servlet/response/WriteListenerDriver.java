package dev.pronto.servlet.response;

import dev.pronto.container.HttpExchange;
import jakarta.servlet.WriteListener;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@code WriteListener} (Servlet 6.1 §5.7) from the exchange's writability: once {@code isReady()} has
 * answered false it stays false until the exchange is writable again and {@code onWritePossible} runs, through the
 * request's callback executor (never two callbacks at once). A gone client gets {@code onError}, once.
 */
final class WriteListenerDriver {

    private static final Logger log = LoggerFactory.getLogger(WriteListenerDriver.class);

    private final HttpExchange exchange;
    private final WriteListener listener;
    private final Executor callbacks;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean ready;
    private volatile boolean done;

    WriteListenerDriver(HttpExchange exchange, WriteListener listener, Executor callbacks) {
        this.exchange = exchange;
        this.listener = listener;
        this.callbacks = callbacks;
    }

    /**
     * The first {@code onWritePossible} comes once the exchange is writable (after the current dispatch returns); a
     * client that goes away before the response ends is reported to {@code onError}.
     */
    void start() {
        exchange.onClose(() -> callbacks.execute(this::onWritable));
        arm();
    }

    /** {@code isReady()}: false arms {@code onWritePossible}. */
    boolean isReady() {
        if (!ready) {
            return false;
        }
        if (exchange.isWritable()) {
            return true;
        }
        ready = false;
        arm();
        return false;
    }

    /**
     * A write is about to happen. Legal unless {@code isReady()} last answered false: writability itself may have
     * changed since the application asked, and then this chunk is simply queued and the next isReady() says so.
     */
    void checkWrite() {
        if (!ready) {
            throw new IllegalStateException("ServletOutputStream.write: isReady() returned false; wait for"
                    + " onWritePossible (Servlet 6.1 §5.7)");
        }
    }

    /** The response ended: no more callbacks. */
    void stop() {
        done = true;
    }

    private void arm() {
        if (!done && armed.compareAndSet(false, true)) {
            // On the event loop when writable (or closed); the executor moves it to the request's container thread.
            exchange.onWritable(() -> callbacks.execute(this::onWritable));
        }
    }

    private void onWritable() {
        armed.set(false);
        if (done) {
            return;
        }
        if (!exchange.isOpen()) {
            done = true;
            notifyError(new ClosedChannelException());
            return;
        }
        ready = true;
        try {
            listener.onWritePossible();
        } catch (Throwable t) {
            done = true;
            notifyError(t);
        }
    }

    private void notifyError(Throwable failure) {
        try {
            listener.onError(failure);
        } catch (RuntimeException e) {
            log.warn("WriteListener.onError failed", e);
        }
    }
}
