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
 * A request body fed by the event loop and drained by one consumer on any thread. Above {@link #HIGH_WATERMARK}
 * unread bytes the connection stops reading; below {@link #LOW_WATERMARK} it reads again. The consumer owns every
 * chunk it polls; chunks still queued are released by {@link #discard()} or {@link #fail}.
 */
final class StreamedRequestBody implements RequestBody {

    static final int HIGH_WATERMARK = 64 * 1024;
    static final int LOW_WATERMARK = 16 * 1024;

    private final long contentLength;
    private final BodyDemand demand;
    private final long blockingTimeoutMillis;
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private long queuedBytes;
    private long receivedBytes;
    private boolean ended;
    private boolean discarding;
    private boolean demanded;
    private boolean paused;
    private IOException failure;
    private HttpHeaders trailers = EmptyHttpHeaders.INSTANCE;
    private Runnable readyCallback;
    private InputStream inputStream;

    StreamedRequestBody(long contentLength, BodyDemand demand, long blockingTimeoutMillis) {
        this.contentLength = contentLength;
        this.demand = demand;
        this.blockingTimeoutMillis = blockingTimeoutMillis;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    // ---- producer side (event loop) ------------------------------------------------------------------

    /** Queues a chunk (ownership moves here); returns false if the body is being discarded and it was dropped. */
    void offer(ByteBuf chunk) {
        Runnable callback;
        synchronized (this) {
            receivedBytes += chunk.readableBytes();
            if (discarding || failure != null) {
                chunk.release();
                return;
            }
            chunks.add(chunk);
            queuedBytes += chunk.readableBytes();
            if (queuedBytes > HIGH_WATERMARK && !paused) {
                paused = true;
                demand.pauseReading();
            }
            callback = takeCallbackLocked();
            notifyAll();
        }
        run(callback);
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

    synchronized boolean wasDemanded() {
        return demanded;
    }

    // ---- consumer side (any thread) ------------------------------------------------------------------

    @Override
    public ByteBuf poll() throws IOException {
        boolean resume;
        ByteBuf chunk;
        synchronized (this) {
            markDemandedLocked();
            if (failure != null) {
                throw failure;
            }
            chunk = chunks.poll();
            if (chunk == null) {
                return null;
            }
            queuedBytes -= chunk.readableBytes();
            resume = paused && queuedBytes < LOW_WATERMARK;
            if (resume) {
                paused = false;
            }
        }
        if (resume) {
            demand.resumeReading();
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
        synchronized (this) {
            markDemandedLocked();
            now = !chunks.isEmpty() || ended || failure != null;
            if (!now) {
                readyCallback = callback;
            }
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
        boolean resume;
        synchronized (this) {
            discarding = true;
            releaseQueuedLocked();
            readyCallback = null;
            resume = paused;
            paused = false;
        }
        if (resume) {
            demand.resumeReading();
        }
    }

    private void markDemandedLocked() {
        if (!demanded) {
            demanded = true;
            demand.onFirstDemand();
        }
    }

    private Runnable takeCallbackLocked() {
        Runnable callback = readyCallback;
        readyCallback = null;
        return callback;
    }

    private void releaseQueuedLocked() {
        ByteBuf chunk;
        while ((chunk = chunks.poll()) != null) {
            chunk.release();
        }
        queuedBytes = 0;
    }

    private static void run(Runnable callback) {
        if (callback != null) {
            callback.run();
        }
    }
}
