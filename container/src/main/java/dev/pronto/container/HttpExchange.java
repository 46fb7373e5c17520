package dev.pronto.container;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;

/**
 * One request and its response, whatever protocol carried them: nothing here is HTTP/1.1 framing, so an HTTP/1.1
 * request on a connection and an HTTP/2 stream are both exchanges. The request head is Netty's own object, not a
 * copy. Request accessors may be called from any thread once the handler has been called; response methods may be
 * called from any thread (they hop to the event loop) but not concurrently for one exchange. Every {@link ByteBuf}
 * passed to a response method is owned, and released, by the exchange from then on.
 *
 * <p>What a protocol must provide to offer exchanges:
 * <ul>
 *   <li>the request head as an {@link HttpRequest} (HTTP/2: pseudo-headers mapped to method, target and
 *       {@code Host}), its body as a {@link RequestBody} with backpressure (HTTP/1.1 pauses reading the socket;
 *       HTTP/2 withholds {@code WINDOW_UPDATE}), and the connection facts (scheme, addresses, TLS session, id,
 *       event loop);</li>
 *   <li>response framing of its own: the handler sets status and fields and hands over bytes; the protocol decides
 *       how their end is marked ({@code Content-Length}, chunked, close, or DATA frames with END_STREAM), adds
 *       {@code Date}/{@code Server}, and never sends a body for {@code HEAD}, 1xx, 204 or 304
 *       (RFC 9110 §6.4.1);</li>
 *   <li>ordering where the protocol needs it (HTTP/1.1 responses in request order), writability per exchange,
 *       and completions from any thread, handed to the event loop once per burst or per {@link CompletionBatch};</li>
 *   <li>{@link #abort()} that ends only what it must (HTTP/1.1: the connection; HTTP/2: the stream).</li>
 * </ul>
 */
public interface HttpExchange {

    // ---- request head -------------------------------------------------------------------------------

    /** The decoded request head as Netty's object (method, target, version, headers). */
    HttpRequest request();

    default HttpMethod method() {
        return request().method();
    }

    /** The request-target exactly as received (origin, absolute, authority or asterisk form). */
    default String target() {
        return request().uri();
    }

    default HttpVersion version() {
        return request().protocolVersion();
    }

    default HttpHeaders requestHeaders() {
        return request().headers();
    }

    /** {@code "https"} on a TLS port, else {@code "http"}. */
    String scheme();

    /**
     * The TLS session of the connection (peer certificates, cipher suite, session id), or {@code null} on a
     * cleartext port. Looked up when called; callers cache it for the request.
     */
    default SSLSession tlsSession() {
        return null;
    }

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** A server-unique id of the connection, stable for its life (for logs and {@code getServletConnection}). */
    String connectionId();

    /** The 1-based position of this request among those its connection carried, in arrival order. */
    long requestNumber();

    /** The event loop of the connection; tasks submitted here run in order with the engine's own work. */
    EventLoop eventLoop();

    ByteBufAllocator alloc();

    /** The streamed request body (empty for a request without one). */
    RequestBody body();

    // ---- response -----------------------------------------------------------------------------------

    /**
     * Response body bytes handed over so far (what {@link #send}, {@link #write} and {@link #writeFile} were given;
     * none for {@code HEAD}); for access logs. Read it from the thread that wrote the response, or after it ended.
     */
    default long bodyBytesSent() {
        return -1;
    }

    /** The response status code to send (default 200); ignored once committed. */
    void status(int code);

    int status();

    /**
     * The response headers, mutable until the response is committed. {@code Date} and {@code Server} are added
     * by the engine if absent; the framing fields ({@code Content-Length}, and on HTTP/1.1
     * {@code Transfer-Encoding} and {@code Connection}) are the protocol's, except a {@code Content-Length} the
     * caller sets itself.
     */
    HttpHeaders responseHeaders();

    /** True once the response head has been handed to the engine. */
    boolean isCommitted();

    /** True once {@link #end()} (or {@link #send}) has been called, or the exchange was aborted. */
    boolean isEnded();

    /** Sends the whole response in one go: head with {@code Content-Length} and {@code body}, then ends. */
    void send(ByteBuf body);

    /**
     * Writes part of the body, committing the head first if needed; the protocol frames it (HTTP/1.1: chunked
     * unless {@code Content-Length} was set). Non-blocking: check {@link #isWritable()} or use
     * {@link #awaitWritable(long)} to respect backpressure.
     */
    void write(ByteBuf chunk);

    /**
     * Writes {@code length} bytes of {@code file} from {@code position}, zero-copy where the transport allows.
     * The exchange closes the file when the write completes or fails.
     */
    void writeFile(FileChannel file, long position, long length);

    /** Commits the head (if not yet) and sends what has been written so far to the client. */
    void flush();

    /** Ends the response; commits an empty body if nothing was written. */
    default void end() {
        end(null);
    }

    /** Ends the response with trailer fields, sent where the framing can carry them (HTTP/1.1: chunked only). */
    void end(HttpHeaders trailers);

    /**
     * Ends the exchange at once without (or without finishing) a response: the client must learn the response is
     * incomplete, so HTTP/1.1 closes the connection (a multiplexed protocol would reset only the stream).
     */
    void abort();

    /** True while the client can take more body bytes without the engine queueing beyond its watermark. */
    boolean isWritable();

    /**
     * Runs {@code callback} on the event loop once {@link #isWritable()} is true (at once if it is now) or the
     * connection closed. One-shot.
     */
    void onWritable(Runnable callback);

    /**
     * Blocks until {@link #isWritable()}; never call it on the event loop.
     *
     * @throws IOException if the connection closed or the wait timed out
     */
    default void awaitWritable(long timeoutMillis) throws IOException {
        if (isWritable()) {
            return;
        }
        if (eventLoop().inEventLoop()) {
            throw new IllegalStateException("awaitWritable must not be called on the event loop");
        }
        CountDownLatch latch = new CountDownLatch(1);
        onWritable(latch::countDown);
        try {
            if (!latch.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SocketTimeoutException("Timed out waiting for the client to read the response");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to write", e);
        }
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    /**
     * Switches protocols (RFC 9110 §7.8, §15.2.2): ends this response as a {@code 101} with the headers set so far
     * (the caller sets {@code Upgrade} and {@code Connection: Upgrade}) and, once its head is written, hands every
     * later byte of the connection to {@code protocol}. The request must carry {@code Upgrade} and no body; the engine
     * parses nothing after it as HTTP until the decision is known.
     *
     * @throws IllegalStateException if the response is committed or the request cannot be upgraded
     * @throws UnsupportedOperationException on a transport without upgrades
     */
    default void upgrade(UpgradedProtocol protocol) {
        throw new UnsupportedOperationException("HttpExchange.upgrade");
    }

    /** False once the transport under this exchange closed (client went away or the server closed it). */
    boolean isOpen();

    /** Runs {@code listener} on the event loop when the connection closes before this exchange ended. */
    void onClose(Runnable listener);

    /**
     * Response parts this exchange completes off the event loop from now on wait in {@code batch} until it hands
     * them back ({@code null}: each burst wakes the event loop at once, the default). The worker running the
     * exchange binds it before running it and unbinds it after, so a later completion is never held back.
     */
    default void handBackVia(CompletionBatch batch) {
    }
}
