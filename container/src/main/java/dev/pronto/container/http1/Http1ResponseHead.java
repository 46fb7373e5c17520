package dev.pronto.container.http1;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The head of a streamed response (body chunks follow), or of any response to {@code HEAD}: then the encoder
 * writes its fields, including the length a GET would have had, and no body (RFC 9110 §9.3.2). Carries the
 * engine's header lines. Built by any thread, encoded on the event loop.
 */
public final class Http1ResponseHead extends DefaultHttpResponse implements EngineHeaderLines.Source {

    private final boolean headRequest;
    private final boolean addDate;
    private final byte[] serverLine;
    private final long contentLength;
    private byte[] connectionLine;

    public Http1ResponseHead(HttpResponseStatus status, HttpHeaders headers, boolean headRequest, boolean addDate,
                             byte[] serverLine, long contentLength, byte[] connectionLine) {
        super(HttpVersion.HTTP_1_1, status, headers);
        this.headRequest = headRequest;
        this.addDate = addDate;
        this.serverLine = serverLine;
        this.contentLength = contentLength;
        this.connectionLine = connectionLine;
    }

    /** True when this answers a {@code HEAD} request: no body is framed. */
    public boolean isHeadRequest() {
        return headRequest;
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
