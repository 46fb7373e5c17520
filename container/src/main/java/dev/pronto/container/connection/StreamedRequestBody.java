package dev.pronto.container.connection;

import io.netty.buffer.ByteBuf;

/**
 * An HTTP/1.1 request body ({@link QueuedRequestBody}): above {@link #HIGH_WATERMARK} unread bytes the connection
 * stops reading the socket; below {@link #LOW_WATERMARK} it reads again. Fed on the event loop, drained by one
 * consumer on any thread; queued chunks are released by {@link #discard()} or {@link #fail}.
 */
final class StreamedRequestBody extends QueuedRequestBody {

    static final int HIGH_WATERMARK = 64 * 1024;
    static final int LOW_WATERMARK = 16 * 1024;

    private final BodyDemand demand;
    /** Guarded by this body's lock (the base class's). */
    private boolean paused;

    StreamedRequestBody(long contentLength, BodyDemand demand, long blockingTimeoutMillis) {
        super(contentLength, blockingTimeoutMillis);
        this.demand = demand;
    }

    /** Queues a chunk (ownership moves here); dropped (released) if the body is being discarded or failed. */
    void offer(ByteBuf chunk) {
        queue(chunk);
    }

    @Override
    protected void firstDemand() {
        demand.onFirstDemand();
    }

    @Override
    protected void queuedLocked(long queued) {
        if (queued > HIGH_WATERMARK && !paused) {
            paused = true;
            demand.pauseReading(); // on the event loop, which is feeding this chunk
        }
    }

    @Override
    protected boolean releasedLocked(long queued) {
        boolean resume = paused && queued < LOW_WATERMARK;
        if (resume) {
            paused = false;
        }
        return resume;
    }

    @Override
    protected void released(long bytes, boolean resume) {
        if (resume) {
            demand.resumeReading();
        }
    }
}
