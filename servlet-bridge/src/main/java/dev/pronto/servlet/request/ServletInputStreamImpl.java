package dev.pronto.servlet.request;

import dev.pronto.container.RequestBody;
import io.netty.buffer.ByteBuf;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The request body as a {@code ServletInputStream}: pulls chunks from the core's streamed body, blocking (off the
 * event loop) with the engine's timeout, or never blocking once a {@code ReadListener} is set. One reader thread at a
 * time; releases every chunk it takes.
 */
public final class ServletInputStreamImpl extends ServletInputStream {

    private final RequestBody body;
    private final long timeoutMillis;
    private final Supplier<Executor> listenerExecutor;
    private ByteBuf current;
    private boolean finished;
    private volatile ReadListenerDriver readListener;

    /** @param listenerExecutor the request's callback executor for a ReadListener; yields null unless async started */
    public ServletInputStreamImpl(RequestBody body, long timeoutMillis, Supplier<Executor> listenerExecutor) {
        this.body = body;
        this.timeoutMillis = timeoutMillis;
        this.listenerExecutor = listenerExecutor;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.readByte() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.readableBytes();
    }

    private boolean fill() throws IOException {
        if (current != null && current.isReadable()) {
            return true;
        }
        release();
        if (finished) {
            return false;
        }
        current = readListener == null ? body.take(timeoutMillis) : pollReady();
        if (current == null) {
            finished = true;
            return false;
        }
        return true;
    }

    /** Non-blocking mode: the next chunk, or null at the end; reading when nothing is ready is the caller's error. */
    private ByteBuf pollReady() throws IOException {
        ByteBuf chunk = body.poll();
        if (chunk != null || body.isFinished()) {
            return chunk;
        }
        throw new IllegalStateException("ServletInputStream.read: no data is ready; read only while isReady() is true"
                + " (Servlet 6.1 §5.7)");
    }

    /**
     * Non-blocking mode: takes the next chunk in hand if one is queued. True once a read would not block (data in
     * hand or the end reached); throws the body's failure.
     */
    boolean prefetch() throws IOException {
        if (current != null && current.isReadable()) {
            return true;
        }
        release();
        if (finished) {
            return true;
        }
        current = body.poll();
        if (current != null) {
            return true;
        }
        finished = body.isFinished();
        return finished;
    }

    /** All data was read: lets go of the (empty) chunk in hand. */
    void markFinished() {
        release();
        finished = true;
    }

    private void release() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    @Override
    public boolean isFinished() {
        return finished || (current == null || !current.isReadable()) && body.isFinished();
    }

    /** With a ReadListener set, false also arms its {@code onDataAvailable} (Servlet 6.1 §5.7). */
    @Override
    public boolean isReady() {
        if (current != null && current.isReadable() || finished) {
            return true;
        }
        ReadListenerDriver driver = readListener;
        return driver == null ? body.isReady() : driver.isReady();
    }

    /** Switches to non-blocking reads: allowed once, in async mode (upgrade is not supported). */
    @Override
    public void setReadListener(ReadListener listener) {
        Objects.requireNonNull(listener, "readListener");
        if (readListener != null) {
            throw new IllegalStateException("ServletInputStream.setReadListener: a ReadListener is already set");
        }
        Executor callbacks = listenerExecutor.get();
        if (callbacks == null) {
            throw new IllegalStateException("ServletInputStream.setReadListener: the request is not in async mode"
                    + " (Servlet 6.1 §5.7)");
        }
        ReadListenerDriver driver = new ReadListenerDriver(this, body, listener, callbacks);
        readListener = driver;
        driver.start();
    }

    /** Releases the chunk in hand; the rest of the body is the engine's to discard. */
    @Override
    public void close() {
        release();
        finished = true;
    }
}
