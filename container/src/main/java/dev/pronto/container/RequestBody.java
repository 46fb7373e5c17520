package dev.pronto.container;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body streamed from the client with demand-driven backpressure: the protocol stops taking bytes while
 * more than a watermark of unread bytes is queued (HTTP/1.1 stops reading the socket). Chunks are handed out in
 * order; the caller of {@link #poll()} owns and releases each one. Thread-safe: the event loop offers, any one
 * consumer thread takes.
 */
public interface RequestBody {

    /** The declared length, {@code -1} when unknown (chunked), {@code 0} when there is no body. */
    long contentLength();

    /**
     * The next chunk if one is queued (never an empty one), else {@code null}. Starts the body: answers
     * {@code Expect: 100-continue} on first use.
     *
     * @throws IOException if the body failed (client gone, limit exceeded, malformed chunking)
     */
    ByteBuf poll() throws IOException;

    /** Blocks until a chunk arrives (returned) or the body ends ({@code null}); never on the event loop. */
    ByteBuf take(long timeoutMillis) throws IOException;

    /** True once every chunk has been polled and the body ended (also true for an empty body). */
    boolean isFinished();

    /** True if {@link #poll()} would return a chunk, end, or fail right now without blocking. */
    boolean isReady();

    /**
     * Runs {@code callback} once {@link #isReady()}: at once on the calling thread if it is now, else later on
     * the event loop. One-shot; the non-blocking view for {@code ReadListener}.
     */
    void onReady(Runnable callback);

    /** Trailer fields of a chunked body; empty until {@link #isFinished()}. */
    HttpHeaders trailers();

    /** A blocking stream view over {@link #take}, with the engine's blocking I/O timeout. Cached. */
    InputStream inputStream();

    /** Releases what is queued and drops the rest of the body as it arrives. */
    void discard();
}
