package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Parses a complete, scanned request head in one pass into a Netty request and its body framing. One per
 * decoder, event loop only; reads the buffer without consuming it; the request it builds owns no buffer.
 */
final class Http1HeadParser {

    /** We validate every name and value ourselves while parsing, so Netty need not do it again. */
    static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private final Http1RequestLine requestLine;
    private final Http1FieldLine field = new Http1FieldLine();
    private final Http1BodyFraming framing = new Http1BodyFraming();
    private final long maxBodySize;
    private Http1BodyFraming.Body body;

    Http1HeadParser(int maxUriLength, long maxBodySize) {
        this.requestLine = new Http1RequestLine(maxUriLength);
        this.maxBodySize = maxBodySize;
    }

    /**
     * Parses the head whose lines {@code lines} found from the reader index; then {@link #body()} and
     * {@link #contentLength()} tell how the body is framed.
     *
     * @return a full request when there is no body, else a request head to be followed by content
     */
    HttpRequest parse(ByteBuf in, Http1SectionScanner lines) {
        int start = in.readerIndex();
        requestLine.parse(in, start + lines.lineStart(0), start + lines.lineEnd(0));
        HttpHeaders headers = HEADERS.newHeaders();
        framing.reset();
        for (int i = 1; i < lines.lineCount(); i++) {
            field.parse(in, start + lines.lineStart(i), start + lines.lineEnd(i));
            headers.add(field.name(), field.value(in));
            framing.onField(field.name(), in, field.valueStart(), field.valueEnd());
        }
        body = framing.decide(requestLine.version(), maxBodySize);
        normalizeFramingFields(headers);
        if (body == Http1BodyFraming.Body.NONE) {
            return new DefaultFullHttpRequest(requestLine.version(), requestLine.method(), requestLine.uri(),
                    Unpooled.EMPTY_BUFFER, headers, EmptyHttpHeaders.INSTANCE, false);
        }
        return new DefaultHttpRequest(requestLine.version(), requestLine.method(), requestLine.uri(), headers, false);
    }

    /**
     * Rewrites the fields the application reads so they hold what the decoder decided: RFC 9112 §6.3 (5) says a
     * list of identical Content-Length values is replaced by one; RFC 9112 §3.2.2 says an absolute-form target's
     * authority replaces Host.
     */
    private void normalizeFramingFields(HttpHeaders headers) {
        if (framing.hasContentLengthList()) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(framing.contentLength()));
        }
        String authority = requestLine.absoluteFormAuthority();
        if (authority != null) {
            headers.set(HttpHeaderNames.HOST, authority);
        }
    }

    /**
     * Parses a trailer section (RFC 9112 §7.1.2): the same field rules as the head, no framing fields honoured.
     */
    HttpHeaders parseTrailers(ByteBuf in, Http1SectionScanner lines) {
        int start = in.readerIndex();
        HttpHeaders trailers = TRAILERS.newHeaders();
        for (int i = 0; i < lines.lineCount(); i++) {
            field.parse(in, start + lines.lineStart(i), start + lines.lineEnd(i));
            trailers.add(field.name(), field.value(in));
        }
        return trailers;
    }

    Http1BodyFraming.Body body() {
        return body;
    }

    long contentLength() {
        return framing.contentLength();
    }
}
