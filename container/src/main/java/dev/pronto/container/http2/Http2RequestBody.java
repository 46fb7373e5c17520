package dev.pronto.container.http2;

import dev.pronto.container.BodyInputStream;
import dev.pronto.container.RequestBody;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;

/**
 * The body of one HTTP/2 stream, fed by the event loop from DATA frames and drained by one consumer on any thread.
 * Flow control is the backpressure: bytes are returned to the stream's receive window only as the consumer takes
 * them (or when the body is discarded), so a slow reader stops its own stream, never the connection
 * (RFC 9113 §5.2). The consumer owns every chunk it polls; queued chunks are released by {@link #discard()} or
 * {@link #fail}.
 */
final class Http2RequestBody implements RequestBody {

    /** What the body asks of its stream; implementations hop to the event loop themselves. */
    interface Window {
        /** The consumer took {@code bytes}: give them back to the stream's window. Any thread. */
        void consumed(int bytes);

        /** The consumer touched the body first: answer {@code Expect: 100-continue} if it is pending. */
        void firstDemand();
    }

    private final long contentLength;
    private final Window window;
    private final long blockingTimeoutMillis;
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private long receivedBytes;
    private boolean ended;
    private boolean discarding;
    private boolean demanded;
    private IOException failure;
    private HttpHeaders trailers = EmptyHttpHeaders.INSTANCE;
    private Runnable readyCallback;
    private InputStream inputStream;

    Http2RequestBody(long contentLength, Window window, long blockingTimeoutMillis) {
        this.contentLength = contentLength;
        this.window = window;
        this.blockingTimeoutMillis = blockingTimeoutMillis;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    // ---- producer side (event loop) ------------------------------------------------------------------

    /**
     * Queues {@code data} (ownership moves here). Returns the bytes to give back to the window at once: all of
     * them when the body is being discarded or failed, else none (they go back as the consumer reads).
     */
    int offer(ByteBuf data) {
        Runnable callback;
        int size = data.readableBytes();
        synchronized (this) {
            receivedBytes += size;
            if (discarding || failure != null) {
                data.release();
                return size;
            }
            chunks.add(data);
            callback = takeCallbackLocked();
            notifyAll();
        }
        run(callback);
        return 0;
    }

    void complete(HttpHeaders trailerFields) {
        Runnable callback;
        synchronized (this) {
            ended = true;
            if (trailerFields != null && !trailerFields.isEmpty()) {
                trailers = trailerFields;
            }
            callback = takeCallbackLocked();
            notifyAll();
        }
        run(callback);
    }

    /** The stream was reset or the connection closed before the body ended; queued chunks are released. */
    void fail(IOException cause) {
        Runnable callback;
        synchronized (this) {
            if (ended && chunks.isEmpty() || failure != null) {
                return;
            }
            failure = cause;
            releaseQueuedLocked();
            callback = takeCallbackLocked();
            notifyAll();
        }
        run(callback);
    }

    synchronized boolean isEnded() {
        return ended;
    }

    synchronized long receivedBytes() {
        return receivedBytes;
    }

    // ---- consumer side (any thread) ------------------------------------------------------------------

    @Override
    public ByteBuf poll() throws IOException {
        ByteBuf chunk;
        boolean first;
        synchronized (this) {
            first = markDemandedLocked();
            if (failure != null) {
                throw failure;
            }
            chunk = chunks.poll();
        }
        if (first) {
            window.firstDemand();
        }
        if (chunk != null) {
            window.consumed(chunk.readableBytes());
        }
        return chunk;
    }

    @Override
    public ByteBuf take(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            ByteBuf chunk = poll();
            if (chunk != null) {
                return chunk;
            }
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                if (chunks.isEmpty() && ended) {
                    return null;
                }
                if (chunks.isEmpty()) {
                    awaitLocked(deadline);
                }
            }
        }
    }

    private void awaitLocked(long deadline) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("Timed out waiting for the request body");
        }
        try {
            wait(Math.max(1, remaining / 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the request body", e);
        }
    }

    @Override
    public synchronized boolean isFinished() {
        return ended && chunks.isEmpty() && failure == null;
    }

    @Override
    public synchronized boolean isReady() {
        return !chunks.isEmpty() || ended || failure != null;
    }

    @Override
    public void onReady(Runnable callback) {
        boolean now;
        boolean first;
        synchronized (this) {
            first = markDemandedLocked();
            now = !chunks.isEmpty() || ended || failure != null;
            if (!now) {
                readyCallback = callback;
            }
        }
        if (first) {
            window.firstDemand();
        }
        if (now) {
            callback.run();
        }
    }

    @Override
    public synchronized HttpHeaders trailers() {
        return trailers;
    }

    @Override
    public synchronized InputStream inputStream() {
        if (inputStream == null) {
            inputStream = new BodyInputStream(this, blockingTimeoutMillis);
        }
        return inputStream;
    }

    @Override
    public void discard() {
        int released;
        synchronized (this) {
            discarding = true;
            released = releaseQueuedLocked();
            readyCallback = null;
        }
        if (released > 0) {
            window.consumed(released);
        }
    }

    private boolean markDemandedLocked() {
        if (demanded) {
            return false;
        }
        demanded = true;
        return true;
    }

    private Runnable takeCallbackLocked() {
        Runnable callback = readyCallback;
        readyCallback = null;
        return callback;
    }

    private int releaseQueuedLocked() {
        int released = 0;
        ByteBuf chunk;
        while ((chunk = chunks.poll()) != null) {
            released += chunk.readableBytes();
            chunk.release();
        }
        return released;
    }

    private static void run(Runnable callback) {
        if (callback != null) {
            callback.run();
        }
    }
}
