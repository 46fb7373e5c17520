package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A whole response (head and body in one message) carrying the engine's header lines. Built by any thread,
 * encoded on the event loop, which releases the body.
 */
public final class Http1FullResponse extends DefaultFullHttpResponse implements EngineHeaderLines.Source {

    private final boolean addDate;
    private final byte[] serverLine;
    private final long contentLength;
    private byte[] connectionLine;

    public Http1FullResponse(HttpResponseStatus status, ByteBuf body, HttpHeaders headers, boolean addDate,
                             byte[] serverLine, long contentLength, byte[] connectionLine) {
        super(HttpVersion.HTTP_1_1, status, body, headers, EmptyHttpHeaders.INSTANCE);
        this.addDate = addDate;
        this.serverLine = serverLine;
        this.contentLength = contentLength;
        this.connectionLine = connectionLine;
    }

    @Override
    public boolean addDate() {
        return addDate;
    }

    @Override
    public byte[] serverLine() {
        return serverLine;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public byte[] connectionLine() {
        return connectionLine;
    }

    @Override
    public void closeConnection() {
        headers().remove(HttpHeaderNames.CONNECTION);
        connectionLine = EngineHeaderLines.CONNECTION_CLOSE;
    }
}
