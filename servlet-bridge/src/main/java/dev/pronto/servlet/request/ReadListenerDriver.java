package dev.pronto.servlet.request;

import dev.pronto.container.RequestBody;
import jakarta.servlet.ReadListener;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@code ReadListener} (Servlet 6.1 §5.7) from the streamed body's readiness: {@code isReady()} false arms
 * one body callback, which runs {@code onDataAvailable}, {@code onAllDataRead} or {@code onError} through the
 * request's callback executor (never two at once, never on the caller's stack). Chunks are read one at a time.
 */
final class ReadListenerDriver {

    private static final Logger log = LoggerFactory.getLogger(ReadListenerDriver.class);

    private final ServletInputStreamImpl stream;
    private final RequestBody body;
    private final ReadListener listener;
    private final Executor callbacks;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean done;

    ReadListenerDriver(ServletInputStreamImpl stream, RequestBody body, ReadListener listener, Executor callbacks) {
        this.stream = stream;
        this.body = body;
        this.listener = listener;
        this.callbacks = callbacks;
    }

    /** The first {@code onDataAvailable} (or {@code onAllDataRead} for an empty body) comes once the body is ready. */
    void start() {
        arm();
    }

    /** {@code isReady()} with nothing in hand: false arms the next callback. */
    boolean isReady() {
        if (body.isReady()) {
            return true;
        }
        arm();
        return false;
    }

    private void arm() {
        if (!done && armed.compareAndSet(false, true)) {
            // Runs at once if the body became ready meanwhile; the executor queues it behind the running callback.
            body.onReady(() -> callbacks.execute(this::onBodyReady));
        }
    }

    private void onBodyReady() {
        armed.set(false);
        if (done) {
            return;
        }
        try {
            if (!stream.prefetch()) {
                arm();
                return;
            }
        } catch (IOException e) {
            fail(e); // client gone, body too large, malformed chunking
            return;
        }
        try {
            if (!stream.isFinished()) {
                listener.onDataAvailable();
            }
            if (!done && stream.isFinished()) {
                done = true;
                stream.markFinished();
                listener.onAllDataRead();
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void fail(Throwable failure) {
        done = true;
        try {
            listener.onError(failure);
        } catch (RuntimeException e) {
            log.warn("ReadListener.onError failed", e);
        }
    }
}
