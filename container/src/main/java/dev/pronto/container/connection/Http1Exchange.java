package dev.pronto.container.connection;

import dev.pronto.container.RequestBody;
import dev.pronto.container.UpgradedProtocol;
import dev.pronto.container.http1.Http1Framing;
import dev.pronto.container.http1.Http1FullResponse;
import dev.pronto.container.http1.Http1ResponseHead;
import dev.pronto.container.http1.ResponseHeaderNames;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;

/**
 * One request/response on an {@link Http1Connection}. The application side (any one thread at a time) builds
 * outbound messages, framed by {@link Http1Framing}, and hands them to the connection; the wire side (its
 * {@link ResponseSequencer}, whose private state this exchange carries as a {@code Sequenced}) writes them in
 * request order on the event loop.
 * <pre>
 *   OPEN --write/flush--> COMMITTED --end--> ENDED
 *     \-------------send/end------------------^      (abort: any state -> ENDED, connection closed)
 * </pre>
 * Every ByteBuf given to a response method is released here: written to the channel or released if dropped.
 */
final class Http1Exchange extends ResponseSequencer.Sequenced implements BodyDemand {

    private enum State { OPEN, COMMITTED, ENDED }

    private final Http1Connection connection;
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
    /** Run when the connection closes before this exchange ended; created on first use, event loop only. */
    private CloseListeners closeListeners;

    /** True for a response the engine makes itself (decode errors): not counted as an application request. */
    final boolean synthetic;
    /** The protocol a {@code 101} switches to, set by {@link #upgrade}; read on the event loop when it retires. */
    private volatile UpgradedProtocol upgradeTo;

    /**
     * @param bodyLength {@code 0} for no body, the declared length, or {@code -1} for a chunked body
     */
    Http1Exchange(Http1Connection connection, HttpRequest request, long requestNumber, long bodyLength,
                  boolean keepAlive, boolean synthetic) {
        super(connection.facts());
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
    public long requestNumber() {
        return requestNumber;
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
            responseHeaders = ResponseHeaderNames.FACTORY.newHeaders();
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
        int length = content.readableBytes();
        Http1Framing framing = frame(headers, length);
        if (framing.dropDeclaredLength()) {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        HttpResponseStatus st = statusLine();
        if (head) {
            content.release();
            submit(new Http1ResponseHead(st, headers, true, addDate(headers), serverLine(headers),
                    framing.contentLength(length), framing.connectionLine()), false);
            submit(LastHttpContent.EMPTY_LAST_CONTENT, true);
        } else {
            addQueued(length);
            bodyBytes += length;
            submit(new Http1FullResponse(st, content, headers, addDate(headers), serverLine(headers),
                    framing.contentLength(length), framing.connectionLine()), true);
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
        submit(new DefaultHttpContent(chunk), false);
    }

    @Override
    public void writeFile(FileChannel file, long position, long length) {
        if (state == State.ENDED) {
            throw new IllegalStateException("Response already ended");
        }
        commitIfOpen();
        if (head) {
            ChunkedFileBody.closeQuietly(file);
            return;
        }
        try {
            Object fileBody = ChunkedFileBody.of(file, position, length, facts.isSecure());
            bodyBytes += facts.isSecure() ? 0 : length;
            submit(fileBody, false);
        } catch (IOException e) {
            ChunkedFileBody.closeQuietly(file);
            abort();
        }
    }

    @Override
    public void flush() {
        commitIfOpen();
        handBackNow(); // an explicit flush is not deferred to the end of the worker task
    }

    @Override
    public void end(HttpHeaders trailers) {
        if (state == State.ENDED) {
            return;
        }
        if (state == State.OPEN) {
            send(facts.alloc().buffer(0, 0));
            return;
        }
        state = State.ENDED;
        LastHttpContent last = LastHttpContent.EMPTY_LAST_CONTENT;
        if (chunked && trailers != null && !trailers.isEmpty() && !head) {
            last = new DefaultLastHttpContent(facts.alloc().buffer(0, 0), trailers);
        }
        submit(last, true);
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
        send(facts.alloc().buffer(0, 0));
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
        Http1Framing framing = frame(headers, -1);
        if (framing.body() == Http1Framing.Body.CHUNKED) {
            chunked = true;
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else if (framing.body() == Http1Framing.Body.CLOSE_DELIMITED) {
            closeDelimited = true;
        }
        submit(new Http1ResponseHead(statusLine(), headers, head, addDate(headers),
                serverLine(headers), -1, framing.connectionLine()), false);
    }

    /** The status as Netty's pre-encoded status line; 200 without the lookup, as nearly every response is. */
    private HttpResponseStatus statusLine() {
        return status == 200 ? HttpResponseStatus.OK : HttpResponseStatus.valueOf(status);
    }

    /** Framing and keep-alive of this response ({@code wholeBody}: its length if sent whole, else -1). */
    private Http1Framing frame(HttpHeaders headers, long wholeBody) {
        boolean unreadExpectedBody = expectContinue && body instanceof StreamedRequestBody streamed
                && !streamed.wasDemanded();
        Http1Framing framing = Http1Framing.decide(new Http1Framing.Input(
                request.protocolVersion() == HttpVersion.HTTP_1_0, head, status,
                headers.get(HttpHeaderNames.CONTENT_LENGTH), wholeBody, keepAlive,
                headers.contains(HttpHeaderNames.CONNECTION),
                headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true),
                unreadExpectedBody));
        if (!framing.keepAlive()) {
            keepAlive = false;
        }
        return framing;
    }

    private static boolean addDate(HttpHeaders headers) {
        return !headers.contains(HttpHeaderNames.DATE);
    }

    /** The engine's {@code Server} line unless the application set its own. */
    private byte[] serverLine(HttpHeaders headers) {
        return headers.contains(HttpHeaderNames.SERVER) ? null : connection.serverLine();
    }

    private void submit(Object msg, boolean last) {
        connection.submit(this, msg, last, completionBatch());
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

    /** The engine answers on the application's behalf (e.g. 413 mid-body); later application writes are dropped. */
    void respondFromEngine(FullHttpResponse response) {
        state = State.ENDED;
        keepAlive = false;
        status = response.status().code(); // what the metrics and the access log must see
        submit(response, true);
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
    protected void beforeAwaitWritable() {
        handBackNow(); // what waits in this exchange's batch is what must drain first
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void onClose(Runnable listener) {
        connection.onClose(this, listener);
    }

    /** Event loop: adds {@code listener}, or runs it now if the connection is gone. */
    void addCloseListener(Runnable listener, boolean connectionOpen) {
        if (closeListeners == null) {
            closeListeners = new CloseListeners();
        }
        closeListeners.add(listener, connectionOpen);
    }

    /** The connection closed before this exchange finished on the wire. Event loop. */
    void onConnectionClosed() {
        if (body instanceof StreamedRequestBody streamed) {
            streamed.fail(new ClosedChannelException());
        }
        if (closeListeners != null) {
            closeListeners.fire();
        }
    }

    boolean isCloseDelimited() {
        return closeDelimited;
    }

    @Override
    public String toString() {
        return "Http1Exchange[#" + requestNumber + ' ' + request.method() + ' ' + request.uri() + ']';
    }
}
