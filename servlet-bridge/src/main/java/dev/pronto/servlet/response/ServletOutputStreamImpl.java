package dev.pronto.servlet.response;

import dev.pronto.container.HttpExchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The response body: bytes collect in a buffer of {@code bufferSize}; a body that fits is sent whole with
 * {@code Content-Length}, a larger one streams chunked, each full buffer waiting for the client to keep up
 * (never unbounded queueing). With a {@code WriteListener} nothing waits: a full buffer is handed over and
 * {@code isReady()} turns false until the client catches up. Used by one thread at a time. The buffer is owned here
 * until handed to the exchange.
 */
public final class ServletOutputStreamImpl extends ServletOutputStream {

    private static final int INITIAL_CAPACITY = 512;

    private final ResponseHead head;
    private final HttpExchange exchange;
    private final long blockingTimeoutMillis;
    private ByteBuf buffer;
    private int bufferSize;
    private long written;
    private boolean closed;
    private boolean suspended;
    private Supplier<Executor> listenerExecutor = () -> null;
    private volatile WriteListenerDriver writeListener;

    ServletOutputStreamImpl(ResponseHead head, HttpExchange exchange, int bufferSize, long blockingTimeoutMillis) {
        this.head = head;
        this.exchange = exchange;
        this.bufferSize = bufferSize;
        this.blockingTimeoutMillis = blockingTimeoutMillis;
    }

    // ---- buffer management (used by the response) --------------------------------------------------------------

    int bufferSize() {
        return bufferSize;
    }

    void bufferSize(int size) {
        this.bufferSize = Math.max(size, 1);
    }

    int buffered() {
        return buffer == null ? 0 : buffer.readableBytes();
    }

    long written() {
        return written;
    }

    /** Drops what is buffered and not yet sent ({@code resetBuffer}). */
    void clearBuffer() {
        if (buffer != null) {
            buffer.clear();
        }
    }

    /** Ignores every later write: after {@code sendError}/{@code sendRedirect} or while an include is on. */
    void suspend(boolean suspend) {
        this.suspended = suspend;
    }

    boolean isClosed() {
        return closed;
    }

    /** Where WriteListener callbacks run; the supplier yields null unless the request is in async mode. */
    void listenerExecutor(Supplier<Executor> executor) {
        this.listenerExecutor = executor;
    }

    // ---- writing ---------------------------------------------------------------------------------------------------

    @Override
    public void write(int b) throws IOException {
        if (!writable(1)) {
            return;
        }
        ensureBuffer();
        buffer.writeByte(b);
        afterWrite(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!writable(len)) {
            return;
        }
        while (len > 0) {
            ensureBuffer();
            int n = Math.min(len, bufferSize - buffer.readableBytes());
            buffer.writeBytes(b, off, n);
            off += n;
            len -= n;
            afterWrite(n);
        }
    }

    /** Encodes {@code text} straight into the buffer; the writer's fast path. */
    void writeChars(CharSequence text, Charset charset) throws IOException {
        int length = text.length();
        if (length == 0 || !writable(length)) {
            return;
        }
        boolean utf8 = charset == StandardCharsets.UTF_8;
        boolean latin = charset == StandardCharsets.ISO_8859_1 || charset == StandardCharsets.US_ASCII;
        int worst = utf8 ? ByteBufUtil.utf8MaxBytes(length) : length;
        if ((utf8 || latin && isLatin1(text)) && worst <= bufferSize) {
            ensureBuffer();
            if (bufferSize - buffer.readableBytes() < worst) {
                flushBuffer(false);
                ensureBuffer();
            }
            buffer.ensureWritable(worst);
            int n = utf8 ? ByteBufUtil.writeUtf8(buffer, text) : ByteBufUtil.writeAscii(buffer, text);
            afterWrite(n);
            return;
        }
        byte[] bytes = text.toString().getBytes(charset);
        write(bytes, 0, bytes.length);
    }

    private static boolean isLatin1(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private boolean writable(int len) throws IOException {
        if (closed) {
            throw new IOException("The response output stream is closed");
        }
        WriteListenerDriver driver = writeListener;
        if (driver != null && len > 0 && !suspended) {
            driver.checkWrite();
        }
        return !suspended && len > 0;
    }

    private void ensureBuffer() {
        if (buffer == null) {
            buffer = exchange.alloc().buffer(Math.min(INITIAL_CAPACITY, bufferSize));
        }
    }

    private void afterWrite(int n) throws IOException {
        written += n;
        long declared = head.declaredContentLength();
        if (declared >= 0 && written >= declared) {
            // Servlet 6.1 §5.7: writing the declared length completes the response.
            close();
            return;
        }
        if (buffer.readableBytes() >= bufferSize) {
            flushBuffer(false);
        }
    }

    /** Sends what is buffered, committing first; blocks (off the event loop) while the client is behind. */
    void flushBuffer(boolean force) throws IOException {
        head.commitStreaming();
        if (buffer != null && buffer.isReadable()) {
            awaitWritable();
            ByteBuf chunk = buffer;
            buffer = null;
            exchange.write(chunk);
        } else if (force) {
            exchange.flush();
        }
    }

    /** Blocking mode only: with a WriteListener the exchange queues the chunk and isReady() reports the backlog. */
    private void awaitWritable() throws IOException {
        if (writeListener == null && !exchange.eventLoop().inEventLoop()) {
            exchange.awaitWritable(blockingTimeoutMillis);
        }
    }

    @Override
    public void flush() throws IOException {
        if (closed || suspended) {
            return;
        }
        flushBuffer(true);
    }

    /** Closing the stream completes the response (Servlet 6.1 §5.7). */
    @Override
    public void close() throws IOException {
        if (!closed) {
            finish();
        }
    }

    /**
     * Ends the exchange: a body that never left the buffer goes out whole, framed with its length, unless the head
     * needs the chunked coding; otherwise the rest is written and the body ended. An exchange already ended (aborted)
     * only gets its buffer released. Idempotent.
     */
    void finish() throws IOException {
        if (exchange.isEnded()) {
            discard();
            return;
        }
        closed = true;
        stopListener();
        if (head.canCommitWhole()) {
            ByteBuf body = buffer != null ? buffer : exchange.alloc().buffer(0, 0);
            buffer = null;
            head.commitWhole(body);
            return;
        }
        head.commitStreaming();
        if (buffer != null && buffer.isReadable()) {
            awaitWritable();
            exchange.write(buffer);
        } else if (buffer != null) {
            buffer.release();
        }
        buffer = null;
        head.end();
    }

    /** Releases the buffer without sending it (the exchange was aborted). */
    void discard() {
        closed = true;
        stopListener();
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    // ---- non-blocking I/O (Servlet 6.1 §5.7.2) -------------------------------------------------------------------------

    /** With a WriteListener set, false also arms its {@code onWritePossible}. */
    @Override
    public boolean isReady() {
        WriteListenerDriver driver = writeListener;
        return driver == null ? exchange.isWritable() : driver.isReady();
    }

    /** Switches to non-blocking writes: allowed once, in async mode (upgrade is not supported). */
    @Override
    public void setWriteListener(WriteListener listener) {
        Objects.requireNonNull(listener, "writeListener");
        if (writeListener != null) {
            throw new IllegalStateException("ServletOutputStream.setWriteListener: a WriteListener is already set");
        }
        Executor callbacks = listenerExecutor.get();
        if (callbacks == null) {
            throw new IllegalStateException("ServletOutputStream.setWriteListener: the request is not in async mode"
                    + " (Servlet 6.1 §5.7)");
        }
        WriteListenerDriver driver = new WriteListenerDriver(exchange, listener, callbacks);
        writeListener = driver;
        driver.start();
    }

    private void stopListener() {
        WriteListenerDriver driver = writeListener;
        if (driver != null) {
            driver.stop();
        }
    }
}
