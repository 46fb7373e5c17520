package dev.pronto.container.connection;

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
 * A request body fed by the event loop and drained by one consumer on any thread: the queue, the end, the failure,
 * the trailers, blocking takes and the ready callback. How the protocol holds the client back is its subclass's
 * (HTTP/1.1: stop reading the socket; HTTP/2: return bytes to the stream's window only as they are read). The
 * consumer owns every chunk it polls; chunks still queued are released by {@link #discard()} or {@link #fail}.
 */
public abstract class QueuedRequestBody implements RequestBody {

    private final long contentLength;
    private final long blockingTimeoutMillis;
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private long queuedBytes;
    private long receivedBytes;
    private boolean ended;
    private boolean discarding;
    private boolean demanded;
    private IOException failure;
    private HttpHeaders trailers = EmptyHttpHeaders.INSTANCE;
    private Runnable readyCallback;
    private InputStream inputStream;

    protected QueuedRequestBody(long contentLength, long blockingTimeoutMillis) {
        this.contentLength = contentLength;
        this.blockingTimeoutMillis = blockingTimeoutMillis;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    // ---- what the protocol does (hooks) ----------------------------------------------------------------

    /** The consumer touched the body first: answer {@code Expect: 100-continue} if pending. Outside the lock. */
    protected abstract void firstDemand();

    /** A chunk was queued and {@code queued} bytes wait now. Under the lock, on the event loop. */
    protected void queuedLocked(long queued) {
    }

    /**
     * The consumer took a chunk, or {@link #discard} released the queue, and {@code queued} bytes wait now; returns
     * what {@link #released} is told. Under the lock.
     */
    protected boolean releasedLocked(long queued) {
        return false;
    }

    /** {@code bytes} left the queue (taken or dropped); {@code signal} is what {@link #releasedLocked} returned. */
    protected void released(long bytes, boolean signal) {
    }

    // ---- producer side (event loop) ------------------------------------------------------------------

    /** Queues {@code chunk} (ownership moves here); returns false if it was dropped: the body is discarded or failed. */
    protected final boolean queue(ByteBuf chunk) {
        Runnable callback;
        synchronized (this) {
            receivedBytes += chunk.readableBytes();
            if (discarding || failure != null) {
                chunk.release();
                return false;
            }
            chunks.add(chunk);
            queuedBytes += chunk.readableBytes();
            queuedLocked(queuedBytes);
            callback = takeCallbackLocked();
            notifyAll();
        }
        run(callback);
        return true;
    }

    /** The body ended, with these trailer fields (null or empty: none). */
    public void complete(HttpHeaders trailerFields) {
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

    /** The body cannot end (bad framing, a reset, the connection closed); queued chunks are released. */
    public void fail(IOException cause) {
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

    public synchronized boolean isEnded() {
        return ended;
    }

    public synchronized long receivedBytes() {
        return receivedBytes;
    }

    protected synchronized boolean wasDemanded() {
        return demanded;
    }

    // ---- consumer side (any thread) ------------------------------------------------------------------

    @Override
    public ByteBuf poll() throws IOException {
        ByteBuf chunk;
        boolean first;
        boolean signal = false;
        synchronized (this) {
            first = markDemandedLocked();
            if (failure != null) {
                throw failure;
            }
            chunk = chunks.poll();
            if (chunk != null) {
                queuedBytes -= chunk.readableBytes();
                signal = releasedLocked(queuedBytes);
            }
        }
        if (first) {
            firstDemand();
        }
        if (chunk != null) {
            released(chunk.readableBytes(), signal);
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
            firstDemand();
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
        long dropped;
        boolean signal;
        synchronized (this) {
            discarding = true;
            dropped = releaseQueuedLocked();
            readyCallback = null;
            signal = releasedLocked(0);
        }
        released(dropped, signal);
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

    private long releaseQueuedLocked() {
        long released = 0;
        ByteBuf chunk;
        while ((chunk = chunks.poll()) != null) {
            released += chunk.readableBytes();
            chunk.release();
        }
        queuedBytes = 0;
        return released;
    }

    private static void run(Runnable callback) {
        if (callback != null) {
            callback.run();
        }
    }
}
