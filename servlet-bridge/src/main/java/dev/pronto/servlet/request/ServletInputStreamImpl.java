package dev.pronto.servlet.request;

import dev.pronto.container.BodyCursor;
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
    private final Supplier<Executor> listenerExecutor;
    private final BodyCursor cursor = new BodyCursor();
    private final BodyCursor.Source blocking;
    private final BodyCursor.Source nonBlocking = this::pollReady;
    private volatile ReadListenerDriver readListener;

    /** @param listenerExecutor the request's callback executor for a ReadListener; yields null unless async started */
    public ServletInputStreamImpl(RequestBody body, long timeoutMillis, Supplier<Executor> listenerExecutor) {
        this.body = body;
        this.listenerExecutor = listenerExecutor;
        this.blocking = () -> body.take(timeoutMillis);
    }

    @Override
    public int read() throws IOException {
        return cursor.read(source());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return cursor.read(b, off, len, source());
    }

    @Override
    public int available() {
        return cursor.available();
    }

    private BodyCursor.Source source() {
        return readListener == null ? blocking : nonBlocking;
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
        return cursor.prefetch(body::poll, body::isFinished);
    }

    /** All data was read: lets go of the (empty) chunk in hand. */
    void markFinished() {
        cursor.finish();
    }

    @Override
    public boolean isFinished() {
        return cursor.isFinished() || !cursor.hasReadable() && body.isFinished();
    }

    /** With a ReadListener set, false also arms its {@code onDataAvailable} (Servlet 6.1 §5.7). */
    @Override
    public boolean isReady() {
        if (cursor.hasReadable() || cursor.isFinished()) {
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
        cursor.finish();
    }
}
