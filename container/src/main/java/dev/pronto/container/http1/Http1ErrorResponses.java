package dev.pronto.container.http1;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * Builds the engine's own short plain-text responses (400, 408, 413, 414, 417, 431, 500, 501, 505, 503) that are
 * sent without involving the application. Stateless; the caller owns the returned response.
 */
public final class Http1ErrorResponses {

    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=US-ASCII");

    private Http1ErrorResponses() {
    }

    /** A complete response for {@code status}; {@code close} adds {@code Connection: close}. */
    public static FullHttpResponse create(ByteBufAllocator alloc, HttpResponseStatus status, AsciiString server,
                                          boolean close) {
        String text = status.code() + " " + status.reasonPhrase() + "\n";
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, TEXT_PLAIN);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, text.length());
        headers.set(HttpHeaderNames.DATE, HttpDateCache.now());
        if (server != null) {
            headers.set(HttpHeaderNames.SERVER, server);
        }
        if (close) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, ByteBufUtil.writeAscii(alloc, text), headers, EmptyHttpHeaders.INSTANCE);
    }
}
