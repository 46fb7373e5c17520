package dev.pronto.container.http2;

import dev.pronto.container.RequestBody;
import dev.pronto.container.connection.ChannelExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/2 stream as an {@link HttpExchange}: the request head built from its HEADERS, its DATA as the body, and
 * a response that becomes HEADERS, DATA and trailing HEADERS frames. The application side (any one thread at a
 * time) builds frames and hands them to the connection; the event loop writes them under the stream's and the
 * connection's send windows.
 * <pre>
 *   OPEN --write/flush--> COMMITTED --end--> ENDED
 *     \-------------send/end------------------^      (abort: any state -> ENDED, RST_STREAM)
 * </pre>
 * Every ByteBuf given to a response method is released here: written to the channel or released if dropped.
 */
final class Http2StreamExchange extends ChannelExchange implements Http2RequestBody.Window {

    private enum State { OPEN, COMMITTED, ENDED }

    private static final int NO_CONTENT = 204;
    private static final int NOT_MODIFIED = 304;
    /** Body bytes handed over but not yet given to the flow controller, beyond which the stream is not writable. */
    private static final long WRITE_QUEUE_HIGH = 64 * 1024;
    private static final int FILE_CHUNK = 16 * 1024;

    final Http2ServerConnection connection;
    final int streamId;
    private final HttpRequest request;
    private final long requestNumber;
    final Http2RequestBody body;
    private final boolean head;
    private final boolean expectContinue;

    private volatile State state = State.OPEN;
    private int status = 200;
    private HttpHeaders responseHeaders;

    // ---- wire side: event loop only ------------------------------------------------------------------------
    /** The stream's send window and the channel have room (updated by the connection on the loop). */
    volatile boolean flowWritable = true;
    /** False once the stream closed or was reset. */
    volatile boolean streamOpen = true;
    boolean wireStarted;
    boolean wireEnded;
    boolean continueSent;
    Runnable writableCallback;
    private List<Runnable> closeListeners;

    Http2StreamExchange(Http2ServerConnection connection, int streamId, HttpRequest request, long requestNumber,
                        long contentLength, long blockingTimeoutMillis) {
        super(connection.facts());
        this.connection = connection;
        this.streamId = streamId;
        this.request = request;
        this.requestNumber = requestNumber;
        this.body = new Http2RequestBody(contentLength, this, blockingTimeoutMillis);
        if (contentLength == 0) {
            body.complete(null);
        }
        this.head = HttpMethod.HEAD.equals(request.method());
        this.expectContinue = request.headers().contains(HttpHeaderNames.EXPECT);
    }

    // ---- request ---------------------------------------------------------------------------------------------

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

    // ---- response --------------------------------------------------------------------------------------------

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
            responseHeaders = io.netty.handler.codec.http.DefaultHttpHeadersFactory.headersFactory().newHeaders();
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

    @Override
    public void send(ByteBuf content) {
        if (state != State.OPEN) {
            content.release();
            throw new IllegalStateException("Response already committed");
        }
        state = State.ENDED;
        HttpHeaders fields = responseHeaders();
        boolean bodyless = status == NO_CONTENT || status == NOT_MODIFIED || status < 200;
        if (bodyless) {
            fields.remove(HttpHeaderNames.CONTENT_LENGTH);
        } else if (!head || !fields.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            // the DATA frames frame the body; a Content-Length that disagreed would make the client fail the stream
            fields.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        }
        AsciiString server = connection.serverHeader();
        if (head || bodyless || !content.isReadable()) {
            content.release();
            connection.submit(Http2Op.headers(this, Http2ResponseHeaders.of(status, fields, server), true));
            return;
        }
        addQueued(content.readableBytes());
        bodyBytes += content.readableBytes();
        connection.submit(Http2Op.full(this, Http2ResponseHeaders.of(status, fields, server), content));
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
        connection.submit(Http2Op.data(this, chunk, false));
    }

    /**
     * HTTP/2 has no sendfile: the file is read in 16 KiB buffers. Off the event loop each buffer waits for the
     * stream to be writable, so memory stays bounded; on the loop the buffers queue behind the send window.
     */
    @Override
    public void writeFile(FileChannel file, long position, long length) {
        if (state == State.ENDED) {
            closeQuietly(file);
            throw new IllegalStateException("Response already ended");
        }
        commitIfOpen();
        try (file) {
            long pos = position;
            long end = position + length;
            while (pos < end && !head) {
                if (!eventLoop().inEventLoop()) {
                    awaitWritable(connection.blockingTimeoutMillis());
                }
                int size = (int) Math.min(FILE_CHUNK, end - pos);
                ByteBuf buf = alloc().buffer(size);
                int read = buf.writeBytes(file, pos, size);
                if (read <= 0) {
                    buf.release();
                    break;
                }
                pos += read;
                write(buf);
            }
        } catch (IOException e) {
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
            send(connection.alloc().buffer(0, 0));
            return;
        }
        state = State.ENDED;
        if (trailers != null && !trailers.isEmpty() && !head) {
            // RFC 9113 §8.1: trailers are a HEADERS frame that ends the stream
            connection.submit(Http2Op.headers(this, Http2ResponseHeaders.trailers(trailers), true));
        } else {
            connection.submit(Http2Op.data(this, connection.alloc().buffer(0, 0), true));
        }
    }

    /** Resets this stream only (RST_STREAM INTERNAL_ERROR); the connection and its other streams go on. */
    @Override
    public void abort() {
        state = State.ENDED;
        connection.submit(Http2Op.reset(this, Http2Error.INTERNAL_ERROR));
    }

    private void commitIfOpen() {
        if (state != State.OPEN) {
            return;
        }
        state = State.COMMITTED;
        HttpHeaders fields = responseHeaders();
        connection.submit(Http2Op.headers(this, Http2ResponseHeaders.of(status, fields, connection.serverHeader()),
                false));
    }

    /** The engine answers on the application's behalf (e.g. 413 mid-body); later application writes are dropped. */
    void respondFromEngine(HttpResponseStatus engineStatus) {
        state = State.ENDED;
        status = engineStatus.code();
        connection.submit(Http2Op.headers(this, Http2ResponseHeaders.bare(status, connection.serverHeader()), true));
    }

    // ---- body window ---------------------------------------------------------------------------------------

    @Override
    public void consumed(int bytes) {
        connection.submit(Http2Op.consume(this, bytes));
    }

    @Override
    public void firstDemand() {
        if (expectContinue) {
            connection.submit(Http2Op.interim(this));
        }
    }

    // ---- writability and close --------------------------------------------------------------------------------

    @Override
    public boolean isWritable() {
        return streamOpen && connection.isOpen() && flowWritable && queuedBytes() < WRITE_QUEUE_HIGH;
    }

    @Override
    public void onWritable(Runnable callback) {
        EventLoop loop = eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> onWritable(callback));
            return;
        }
        if (!streamOpen || isWritable()) {
            callback.run();
        } else {
            writableCallback = callback;
        }
    }

    /** Runs the waiting writability callback if the stream can take more (or is gone). Event loop. */
    void runWritableCallback() {
        Runnable callback = writableCallback;
        if (callback != null && (!streamOpen || isWritable())) {
            writableCallback = null;
            callback.run();
        }
    }

    @Override
    protected void beforeAwaitWritable() {
        handBackNow(); // what waits in this exchange's batch is what must drain first
    }

    /** False once the stream was reset or closed before the response ended, or the connection closed. */
    @Override
    public boolean isOpen() {
        return streamOpen && connection.isOpen();
    }

    @Override
    public void onClose(Runnable listener) {
        EventLoop loop = eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> onClose(listener));
            return;
        }
        if (!streamOpen) {
            listener.run();
            return;
        }
        if (closeListeners == null) {
            closeListeners = new ArrayList<>(1);
        }
        closeListeners.add(listener);
    }

    /** The stream closed (ended both ways, reset, or the connection went away). Event loop. */
    void onStreamClosed() {
        streamOpen = false;
        body.fail(new ClosedChannelException());
        if (!wireEnded && closeListeners != null) {
            for (Runnable listener : closeListeners) {
                listener.run();
            }
        }
        closeListeners = null;
        runWritableCallback();
    }

    @Override
    public String toString() {
        return "Http2StreamExchange[" + streamId + ' ' + request.method() + ' ' + request.uri() + ']';
    }
}
