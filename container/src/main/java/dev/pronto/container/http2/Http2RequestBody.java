package dev.pronto.container.http2;

import dev.pronto.container.connection.QueuedRequestBody;
import io.netty.buffer.ByteBuf;

/**
 * The body of one HTTP/2 stream ({@link QueuedRequestBody}), fed by the event loop from DATA frames and drained by
 * one consumer on any thread. Flow control is the backpressure: bytes are returned to the stream's receive window
 * only as the consumer takes them (or when the body is discarded), so a slow reader stops its own stream, never the
 * connection (RFC 9113 §5.2). Queued chunks are released by {@link #discard()} or {@link #fail}.
 */
final class Http2RequestBody extends QueuedRequestBody {

    /** What the body asks of its stream; implementations hop to the event loop themselves. */
    interface Window {
        /** The consumer took {@code bytes}: give them back to the stream's window. Any thread. */
        void consumed(int bytes);

        /** The consumer touched the body first: answer {@code Expect: 100-continue} if it is pending. */
        void firstDemand();
    }

    private final Window window;

    Http2RequestBody(long contentLength, Window window, long blockingTimeoutMillis) {
        super(contentLength, blockingTimeoutMillis);
        this.window = window;
    }

    /**
     * Queues {@code data} (ownership moves here). Returns the bytes to give back to the window at once: all of
     * them when the body is being discarded or failed, else none (they go back as the consumer reads).
     */
    int offer(ByteBuf data) {
        int size = data.readableBytes();
        return queue(data) ? 0 : size;
    }

    @Override
    protected void firstDemand() {
        window.firstDemand();
    }

    @Override
    protected void released(long bytes, boolean signal) {
        if (bytes > 0) {
            window.consumed((int) bytes);
        }
    }
}
