package dev.pronto.container.connection;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.RequestBody;
import dev.pronto.container.UpgradedProtocol;
import dev.pronto.container.WorkerScope;
import dev.pronto.container.http1.EngineHeaderLines;
import dev.pronto.container.http1.Http1FullResponse;
import dev.pronto.container.http1.Http1ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;

/**
 * One request/response on an {@link Http1Connection}. The application side (any one thread at a time) builds
 * outbound messages and hands them to the connection; the wire side (event loop) writes them in request order.
 * <pre>
 *   OPEN --write/flush--> COMMITTED --end--> ENDED
 *     \-------------send/end------------------^      (abort: any state -> ENDED, connection closed)
 * </pre>
 * Every ByteBuf given to a response method is released here: written to the channel or released if dropped.
 */
final class Http1Exchange implements HttpExchange, BodyDemand {

    private enum State { OPEN, COMMITTED, ENDED }

    private static final int NO_CONTENT = 204;
    private static final int NOT_MODIFIED = 304;

    final Http1Connection connection;
    private final HttpRequest request;
    private final long requestNumber;
    private final RequestBody body;
    private final boolean head;
    final boolean expectContinue;

    private volatile State state = State.OPEN;
    private int status = 200;
    private HttpHeaders responseHeaders;
    private boolean chunked;
    private boolean closeDelimited;
    private volatile boolean keepAlive;
    private List<Runnable> closeListeners;

    // ---- wire side: event loop only --------------------------------------------------------------------
    /** Messages written by the application before this exchange reached the head of the line. */
    private java.util.ArrayDeque<Object> pending;
    boolean wireStarted;
    boolean wireEnded;
    boolean continueSent;

    private static final java.util.concurrent.atomic.AtomicLongFieldUpdater<Http1Exchange> QUEUED =
            java.util.concurrent.atomic.AtomicLongFieldUpdater.newUpdater(Http1Exchange.class, "queuedBytes");
    /** Body bytes handed to the connection but not yet to the channel (any thread adds, event loop subtracts). */
    private volatile long queuedBytes;
    /** One-shot writability callback; event loop only. */
    Runnable writableCallback;
    /** True for a response the engine makes itself (decode errors): not counted as an application request. */
    final boolean synthetic;
    /** Queued behind an earlier request on the connection; event loop only. */
    boolean pipelined;
    private long bodyBytes;
    private volatile UpgradedProtocol upgradeTo;

    /**
     * @param bodyLength {@code 0} for no body, the declared length, or {@code -1} for a chunked body
     */
    Http1Exchange(Http1Connection connection, HttpRequest request, long requestNumber, long bodyLength,
                  boolean keepAlive, boolean synthetic) {
        this.connection = connection;
        this.request = request;
        this.requestNumber = requestNumber;
        this.synthetic = synthetic;
        this.body = bodyLength == 0 ? EmptyRequestBody.INSTANCE
                : new StreamedRequestBody(bodyLength, this, connection.blockingTimeoutMillis());
        this.head = HttpMethod.HEAD.equals(request.method());
        this.keepAlive = keepAlive;
        this.expectContinue = request.protocolVersion() == HttpVersion.HTTP_1_1
                && request.headers().contains(HttpHeaderNames.EXPECT);
    }

    // ---- request --------------------------------------------------------------------------------------

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public String scheme() {
        return connection.secure ? "https" : "http";
    }

    @Override
    public SSLSession tlsSession() {
        return connection.tlsSession();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return connection.localAddress();
    }

    @Override
    public String connectionId() {
        return connection.id();
    }

    @Override
    public long requestNumber() {
        return requestNumber;
    }

    @Override
    public EventLoop eventLoop() {
        return connection.eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
        return connection.alloc();
    }

    @Override
    public RequestBody body() {
        return body;
    }

    // ---- response -------------------------------------------------------------------------------------

    @Override
    public void status(int code) {
        if (state == State.OPEN) {
            status = code;
        }
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public HttpHeaders responseHeaders() {
        if (responseHeaders == null) {
            responseHeaders = dev.pronto.container.http1.ResponseHeaderNames.FACTORY.newHeaders();
        }
        return responseHeaders;
    }

    @Override
    public boolean isCommitted() {
        return state != State.OPEN;
    }

    @Override
    public boolean isEnded() {
        return state == State.ENDED;
    }

    /** Asks that the connection close after this response; effective only before commit. */
    void disableKeepAlive() {
        keepAlive = false;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    @Override
    public void send(ByteBuf content) {
        if (state != State.OPEN) {
            content.release();
            throw new IllegalStateException("Response already committed");
        }
        state = State.ENDED;
        HttpHeaders headers = responseHeaders();
        byte[] connectionLine = connectionLine(headers);
        long length = -1;
        if (status != NO_CONTENT && status != NOT_MODIFIED && status >= 200) {
            CharSequence declared = headers.get(HttpHeaderNames.CONTENT_LENGTH);
            if (declared == null) {
                length = content.readableBytes();
            } else if (!head && !declaresLength(declared, content.readableBytes())) {
                // The body is what frames the message: a declared length that disagrees would desync the client.
                headers.remove(HttpHeaderNames.CONTENT_LENGTH);
                length = content.readableBytes();
            }
        }
        HttpResponseStatus st = HttpResponseStatus.valueOf(status);
        if (head) {
            content.release();
            connection.submit(this, new Http1ResponseHead(st, headers, true, addDate(headers), serverLine(headers),
                    length, connectionLine), false);
            connection.submit(this, LastHttpContent.EMPTY_LAST_CONTENT, true);
        } else {
            addQueued(content.readableBytes());
            bodyBytes += content.readableBytes();
            connection.submit(this, new Http1FullResponse(st, content, headers, addDate(headers), serverLine(headers),
                    length, connectionLine), true);
        }
    }

    @Override
    public void write(ByteBuf chunk) {
        if (state == State.ENDED) {
            chunk.release();
            throw new IllegalStateException("Response already ended");
        }
        commitIfOpen();
        if (head || !chunk.isReadable()) {
            chunk.release();
            return;
        }
        addQueued(chunk.readableBytes());
        bodyBytes += chunk.readableBytes();
        connection.submit(this, new DefaultHttpContent(chunk), false);
    }

    @Override
    public void writeFile(FileChannel file, long position, long length) {
        if (state == State.ENDED) {
            throw new IllegalStateException("Response already ended");
        }
        commitIfOpen();
        if (connection.secure) {
            writeFileChunks(file, position, length);
            return;
        }
        DefaultFileRegion region = new DefaultFileRegion(file, position, length);
        if (head) {
            region.release();
            return;
        }
        bodyBytes += length;
        connection.submit(this, region, false);
    }

    /** TLS encrypts in user space, so no sendfile: the pipeline's chunked writer reads the file as it drains. */
    private void writeFileChunks(FileChannel file, long position, long length) {
        if (head) {
            closeQuietly(file);
            return;
        }
        try {
            connection.submit(this, new ChunkedFileBody(file, position, length), false);
        } catch (IOException e) {
            closeQuietly(file);
            abort();
        }
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    @Override
    public long bodyBytesSent() {
        return bodyBytes;
    }

    @Override
    public void flush() {
        if (state == State.OPEN) {
            commitIfOpen();
        }
        WorkerScope.flushCurrent(); // an explicit flush is not deferred to the end of the worker task
    }

    @Override
    public void end(HttpHeaders trailers) {
        if (state == State.ENDED) {
            return;
        }
        if (state == State.OPEN) {
            send(connection.alloc().buffer(0, 0));
            return;
        }
        state = State.ENDED;
        LastHttpContent last = LastHttpContent.EMPTY_LAST_CONTENT;
        if (chunked && trailers != null && !trailers.isEmpty() && !head) {
            last = new DefaultLastHttpContent(connection.alloc().buffer(0, 0), trailers);
        }
        connection.submit(this, last, true);
    }

    @Override
    public void upgrade(UpgradedProtocol protocol) {
        if (state != State.OPEN) {
            throw new IllegalStateException("Response already committed");
        }
        if (!request.headers().contains(HttpHeaderNames.UPGRADE) || body != EmptyRequestBody.INSTANCE) {
            // Only a bodiless request with Upgrade is held back by the decoder (RFC 9110 §7.8).
            throw new IllegalStateException("The request did not ask to upgrade (or has a body)");
        }
        upgradeTo = protocol;
        status = 101;
        send(connection.alloc().buffer(0, 0));
    }

    /** The protocol to switch to once this response is written, or null. */
    UpgradedProtocol upgradeTo() {
        return upgradeTo;
    }

    @Override
    public void abort() {
        state = State.ENDED;
        connection.abort(this);
    }

    private void commitIfOpen() {
        if (state != State.OPEN) {
            return;
        }
        state = State.COMMITTED;
        HttpHeaders headers = responseHeaders();
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && status != NO_CONTENT && status != NOT_MODIFIED
                && status >= 200) {
            if (request.protocolVersion() == HttpVersion.HTTP_1_1) {
                chunked = true;
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            } else {
                // RFC 9112 §6.3: an HTTP/1.0 client can only learn where the body ends from the close.
                closeDelimited = true;
                keepAlive = false;
            }
        }
        byte[] connectionLine = connectionLine(headers);
        HttpResponseStatus st = HttpResponseStatus.valueOf(status);
        connection.submit(this, new Http1ResponseHead(st, headers, head, addDate(headers), serverLine(headers), -1,
                connectionLine), false);
    }

    private static boolean declaresLength(CharSequence declared, long actual) {
        try {
            return Long.parseLong(declared.toString().trim()) == actual;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean addDate(HttpHeaders headers) {
        return !headers.contains(HttpHeaderNames.DATE);
    }

    private byte[] serverLine(HttpHeaders headers) {
        byte[] line = connection.serverLine();
        return line == null || headers.contains(HttpHeaderNames.SERVER) ? null : line;
    }

    /** Decides keep-alive for this response and the {@code Connection} line the engine adds (null for none). */
    private byte[] connectionLine(HttpHeaders headers) {
        boolean appSaidClose = headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        if (appSaidClose) {
            keepAlive = false;
        }
        if (expectContinue && body instanceof StreamedRequestBody streamed && !streamed.wasDemanded()) {
            // RFC 9110 §10.1.1: the client may never send a body we did not ask for; its framing is unknowable.
            keepAlive = false;
        }
        if (headers.contains(HttpHeaderNames.CONNECTION) && (appSaidClose || keepAlive)) {
            return null; // the application's own Connection field stands
        }
        // Graceful shutdown adds close when the head is written (Http1Connection.closeWith), not here.
        if (!keepAlive) {
            return EngineHeaderLines.CONNECTION_CLOSE;
        }
        return request.protocolVersion() == HttpVersion.HTTP_1_0 ? EngineHeaderLines.CONNECTION_KEEP_ALIVE : null;
    }

    // ---- body demand -----------------------------------------------------------------------------------

    @Override
    public void onFirstDemand() {
        if (expectContinue) {
            connection.sendContinue(this);
        }
    }

    @Override
    public void pauseReading() {
        connection.pauseReadingForBody();
    }

    @Override
    public void resumeReading() {
        connection.resumeReadingForBody();
    }

    void addQueued(long bytes) {
        if (bytes != 0) {
            QUEUED.addAndGet(this, bytes);
        }
    }

    long queuedBytes() {
        return queuedBytes;
    }

    /** The engine answers on the application's behalf (e.g. 413 mid-body); later application writes are dropped. */
    void respondFromEngine(io.netty.handler.codec.http.FullHttpResponse response) {
        state = State.ENDED;
        keepAlive = false;
        status = response.status().code(); // what the metrics and the access log must see
        connection.submit(this, response, true);
    }

    // ---- writability and close --------------------------------------------------------------------------

    @Override
    public boolean isWritable() {
        return connection.isWritableFor(this);
    }

    @Override
    public void onWritable(Runnable callback) {
        connection.onWritable(this, callback);
    }

    @Override
    public void awaitWritable(long timeoutMillis) throws IOException {
        if (isWritable()) {
            return;
        }
        if (connection.eventLoop().inEventLoop()) {
            throw new IllegalStateException("awaitWritable must not be called on the event loop");
        }
        WorkerScope.flushCurrent(); // what waits in this task's scope is what must drain first
        CountDownLatch latch = new CountDownLatch(1);
        onWritable(latch::countDown);
        try {
            if (!latch.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new java.net.SocketTimeoutException("Timed out waiting for the client to read the response");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to write", e);
        }
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void onClose(Runnable listener) {
        if (connection.eventLoop().inEventLoop()) {
            addCloseListener(listener);
        } else {
            connection.eventLoop().execute(() -> addCloseListener(listener));
        }
    }

    private void addCloseListener(Runnable listener) {
        if (!connection.isOpen()) {
            listener.run();
            return;
        }
        if (closeListeners == null) {
            closeListeners = new ArrayList<>(1);
        }
        closeListeners.add(listener);
    }

    /** The connection closed before this exchange finished on the wire. Event loop. */
    void onConnectionClosed() {
        if (body instanceof StreamedRequestBody streamed) {
            streamed.fail(new ClosedChannelException());
        }
        Object msg;
        while ((msg = pollPending()) != null) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
        if (closeListeners != null) {
            for (Runnable listener : closeListeners) {
                listener.run();
            }
            closeListeners = null;
        }
    }

    /** Queues a message until this exchange reaches the head of the line. Event loop. */
    void addPending(Object msg) {
        if (pending == null) {
            pending = new java.util.ArrayDeque<>(4);
        }
        pending.add(msg);
    }

    /** The next queued message, or null. Event loop. */
    Object pollPending() {
        return pending == null ? null : pending.poll();
    }

    boolean hasPending() {
        return pending != null && !pending.isEmpty();
    }

    boolean isCloseDelimited() {
        return closeDelimited;
    }

    @Override
    public String toString() {
        return "Http1Exchange[#" + requestNumber + ' ' + request.method() + ' ' + request.uri() + ']';
    }
}
