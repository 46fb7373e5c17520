package dev.pronto.benchmarks.peers.netty;

import dev.pronto.benchmarks.peers.HelloWorld;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * Builds the raw Netty peer's responses, TechEmpower-style: header names and values are
 * pre-built {@link AsciiString}s and header validation is off. Public so that JMH can encode the
 * exact responses the server sends. Each returned response owns its content; whoever writes it
 * (the pipeline's encoder) releases it. The plaintext body is a shared unreleasable buffer.
 */
public final class HelloResponses {
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private static final AsciiString SERVER = AsciiString.cached("netty");
    private static final AsciiString TEXT_PLAIN = AsciiString.cached(HelloWorld.PLAINTEXT_CONTENT_TYPE);
    private static final AsciiString APPLICATION_JSON = AsciiString.cached(HelloWorld.JSON_CONTENT_TYPE);
    private static final AsciiString ZERO = AsciiString.cached("0");

    private static final byte[] PLAINTEXT = HelloWorld.plaintextBytes();
    private static final ByteBuf PLAINTEXT_BODY =
            Unpooled.unreleasableBuffer(Unpooled.directBuffer(PLAINTEXT.length).writeBytes(PLAINTEXT).asReadOnly());
    private static final AsciiString PLAINTEXT_LENGTH = AsciiString.cached(Integer.toString(PLAINTEXT.length));

    private static final int JSON_LENGTH = HelloWorld.EXPECTED_JSON.length();
    private static final AsciiString JSON_LENGTH_VALUE = AsciiString.cached(Integer.toString(JSON_LENGTH));

    private HelloResponses() {
    }

    /** {@code 200 text/plain "Hello, World!"}; the body is a duplicate of a shared buffer (no copy). */
    public static FullHttpResponse plaintext(AsciiString date) {
        return response(HttpResponseStatus.OK, PLAINTEXT_BODY.duplicate(), TEXT_PLAIN, PLAINTEXT_LENGTH, date);
    }

    /** {@code 200 application/json}, the JSON serialized anew into a buffer from {@code alloc}. */
    public static FullHttpResponse json(ByteBufAllocator alloc, AsciiString date) {
        ByteBuf body = ByteBufUtil.writeUtf8(alloc, HelloWorld.json(HelloWorld.MESSAGE));
        int length = body.readableBytes();
        AsciiString contentLength = length == JSON_LENGTH ? JSON_LENGTH_VALUE : AsciiString.of(Integer.toString(length));
        return response(HttpResponseStatus.OK, body, APPLICATION_JSON, contentLength, date);
    }

    /** An empty response with {@code status}, e.g. 404 for an unknown path or 400 for a bad request. */
    public static FullHttpResponse empty(HttpResponseStatus status, AsciiString date) {
        return response(status, Unpooled.EMPTY_BUFFER, TEXT_PLAIN, ZERO, date);
    }

    private static FullHttpResponse response(HttpResponseStatus status, ByteBuf body, AsciiString contentType,
            AsciiString contentLength, AsciiString date) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body, HEADERS, TRAILERS);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CONTENT_LENGTH, contentLength)
                .set(HttpHeaderNames.SERVER, SERVER)
                .set(HttpHeaderNames.DATE, date);
        return response;
    }
}
