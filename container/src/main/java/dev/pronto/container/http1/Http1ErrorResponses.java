package dev.pronto.container.http1;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;

/**
 * Builds the engine's own short plain-text responses (400, 408, 413, 414, 417, 431, 500, 501, 505) that are sent
 * without involving the application; {@code Date}, {@code Server}, length and {@code Connection} go through the
 * same pre-encoded engine header lines as every response. Stateless; the caller owns the returned response.
 */
public final class Http1ErrorResponses {

    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=US-ASCII");

    private Http1ErrorResponses() {
    }

    /**
     * A complete response for {@code status}; {@code serverLine} is the pre-encoded {@code Server} line (or null),
     * {@code close} adds {@code Connection: close}.
     */
    public static FullHttpResponse create(ByteBufAllocator alloc, HttpResponseStatus status, byte[] serverLine,
                                          boolean close) {
        String text = status.code() + " " + status.reasonPhrase() + "\n";
        HttpHeaders headers = ResponseHeaderNames.FACTORY.newHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, TEXT_PLAIN);
        return new Http1FullResponse(status, ByteBufUtil.writeAscii(alloc, text), headers, true, serverLine,
                text.length(), close ? EngineHeaderLines.CONNECTION_CLOSE : null);
    }
}
