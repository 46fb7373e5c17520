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
import java.nio.channels.FileChannel;
import javax.net.ssl.SSLSession;

/**
 * One request and its response on an HTTP/1.1 connection. The request head is Netty's own object, not a copy.
 * Request accessors may be called from any thread once the handler has been called; response methods may be
 * called from any thread (they hop to the event loop) but not concurrently for one exchange.
 * Every {@link ByteBuf} passed to a response method is owned, and released, by the exchange from then on.
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

    /** The 1-based position of this request on its connection. */
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
     * by the engine if absent; {@code Content-Length} and {@code Transfer-Encoding} are managed by the engine
     * unless the caller sets {@code Content-Length} itself.
     */
    HttpHeaders responseHeaders();

    /** True once the response head has been handed to the engine. */
    boolean isCommitted();

    /** True once {@link #end()} (or {@link #send}) has been called, or the exchange was aborted. */
    boolean isEnded();

    /** Sends the whole response in one go: head with {@code Content-Length} and {@code body}, then ends. */
    void send(ByteBuf body);

    /**
     * Writes part of the body, committing the head first if needed: chunked unless {@code Content-Length} was
     * set. Non-blocking: check {@link #isWritable()} or use {@link #awaitWritable(long)} to respect backpressure.
     */
    void write(ByteBuf chunk);

    /**
     * Writes {@code length} bytes of {@code file} from {@code position}, zero-copy where the transport allows.
     * The exchange closes the channel when the write completes or fails.
     */
    void writeFile(FileChannel file, long position, long length);

    /** Commits the head (if not yet) and sends what has been written so far to the client. */
    void flush();

    /** Ends the response; commits an empty body if nothing was written. */
    default void end() {
        end(null);
    }

    /** Ends the response with trailer fields (sent only on a chunked response). */
    void end(HttpHeaders trailers);

    /** Closes the connection at once without (or without finishing) a response. */
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
    void awaitWritable(long timeoutMillis) throws IOException;

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

    /** False once the connection closed (client went away or the server closed it). */
    boolean isOpen();

    /** Runs {@code listener} on the event loop when the connection closes before this exchange ended. */
    void onClose(Runnable listener);
}
