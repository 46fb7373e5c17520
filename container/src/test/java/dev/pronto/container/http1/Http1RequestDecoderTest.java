package dev.pronto.container.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives {@link Http1RequestDecoder} through an {@link EmbeddedChannel}. Every message read is released after the
 * test, and a tracking allocator then proves that no buffer (input or cumulation) is left unreleased.
 */
class Http1RequestDecoderTest {

    private static final int MAX_URI = 256;
    private static final int MAX_HEAD = 1024;
    private static final long MAX_BODY = 64;

    private final List<Object> toRelease = new ArrayList<>();
    private final TrackingAllocator alloc = new TrackingAllocator();
    private EmbeddedChannel channel = newChannel(new Http1RequestDecoder(MAX_URI, MAX_HEAD, MAX_BODY));

    /** Releases what the test read, then proves that every buffer written or cumulated was released. */
    @AfterEach
    void releaseAllAndCheckForLeaks() {
        toRelease.forEach(ReferenceCountUtil::release);
        assertFalse(channel.finishAndReleaseAll());
        alloc.assertAllReleased();
    }

    // ---- requests without a body -------------------------------------------------------------------

    @Test
    void simpleGet() {
        write("GET /hello?x=1 HTTP/1.1\r\nHost: example.com\r\nAccept:  text/html \t\r\nX-Custom: a b\r\n\r\n");

        FullHttpRequest request = read(FullHttpRequest.class);
        assertSame(HttpMethod.GET, request.method());
        assertEquals("/hello?x=1", request.uri());
        assertSame(HttpVersion.HTTP_1_1, request.protocolVersion());
        assertEquals("example.com", request.headers().get(HttpHeaderNames.HOST));
        assertEquals("text/html", request.headers().get("accept"));
        assertEquals("a b", request.headers().get("x-custom"));
        assertSame(Unpooled.EMPTY_BUFFER, request.content());
        assertTrue(request.trailingHeaders().isEmpty());
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void wellKnownNamesAreNettysConstantsWhateverTheirCase() {
        write("GET / HTTP/1.1\r\nhOsT: a\r\nUser-Agent: t\r\nX-Other: o\r\n\r\n");

        FullHttpRequest request = read(FullHttpRequest.class);
        List<CharSequence> names = new ArrayList<>();
        request.headers().iteratorCharSequence().forEachRemaining(e -> names.add(e.getKey()));
        assertSame(HttpHeaderNames.HOST, names.get(0));
        assertSame(HttpHeaderNames.USER_AGENT, names.get(1));
        assertEquals("X-Other", names.get(2).toString());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void sixteenPipelinedGetsInOneBufferComeOutInOrder() {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            batch.append("GET /").append(i).append(" HTTP/1.1\r\nHost: h\r\n\r\n");
        }
        write(batch.toString());

        for (int i = 0; i < 16; i++) {
            assertEquals("/" + i, read(FullHttpRequest.class).uri());
        }
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void requestSplitByteByByte() {
        String request = "\r\nGET /split HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n";
        for (int i = 0; i < request.length(); i++) {
            write(request.substring(i, i + 1));
            if (i < request.length() - 1) {
                assertNull(channel.readInbound(), "nothing before the head ends, byte " + i);
            }
        }

        FullHttpRequest full = read(FullHttpRequest.class);
        assertEquals("/split", full.uri());
        assertEquals("0", full.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void leadingEmptyLinesAreIgnored() {
        write("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        assertEquals("/", read(FullHttpRequest.class).uri());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void emptyLinesAloneProduceNothing() {
        write("\r\n\r\n\r");

        assertNull(channel.readInbound());
        write("\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals("/", read(FullHttpRequest.class).uri());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void http10WithoutHostIsFine() {
        write("GET /old HTTP/1.0\r\n\r\n");

        FullHttpRequest request = read(FullHttpRequest.class);
        assertSame(HttpVersion.HTTP_1_0, request.protocolVersion());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void higherMinorVersionIsHttp11() {
        // RFC 9110 §2.5: processed as the highest minor version we implement
        write("GET / HTTP/1.9\r\nHost: h\r\n\r\n");

        assertSame(HttpVersion.HTTP_1_1, read(FullHttpRequest.class).protocolVersion());
    }

    @Test
    void absoluteFormAuthorityReplacesHost() {
        // RFC 9112 §3.2.2: the target's authority wins over the Host field
        write("GET http://example.com:8080/a?b HTTP/1.1\r\nHost: other\r\n\r\n"
                + "GET https://example.org HTTP/1.1\r\nHost: other\r\n\r\n");

        assertEquals("example.com:8080", read(FullHttpRequest.class).headers().get(HttpHeaderNames.HOST));
        assertEquals("example.org", read(FullHttpRequest.class).headers().get(HttpHeaderNames.HOST));
    }

    @Test
    void contentLengthListOfOneValueBecomesOneField() {
        // RFC 9112 §6.3 (5): identical values may be replaced by one valid Content-Length
        write("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc");

        HttpRequest request = read(HttpRequest.class);
        assertEquals(List.of("3"), request.headers().getAll(HttpHeaderNames.CONTENT_LENGTH));
        read(LastHttpContent.class);
    }

    @Test
    void absoluteFormAsteriskFormAndExtensionMethod() {
        write("GET http://example.com/a?b HTTP/1.1\r\nHost: example.com\r\n\r\n"
                + "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"
                + "PURGE HTTPS://cache/x HTTP/1.1\r\nHost: cache\r\n\r\n");

        assertEquals("http://example.com/a?b", read(FullHttpRequest.class).uri());
        FullHttpRequest options = read(FullHttpRequest.class);
        assertSame(HttpMethod.OPTIONS, options.method());
        assertEquals("*", options.uri());
        FullHttpRequest purge = read(FullHttpRequest.class);
        assertEquals("PURGE", purge.method().name());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void valuesAreIso88591AndEmptyHostIsAllowed() {
        write("GET / HTTP/1.1\r\nHost:\r\nX-Name: caf\u00e9\r\n\r\n");

        FullHttpRequest request = read(FullHttpRequest.class);
        assertEquals("", request.headers().get(HttpHeaderNames.HOST));
        assertEquals("caf\u00e9", request.headers().get("x-name"));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void headInProgressIsTrueOnlyWhileAHeadIsPartlyBuffered() {
        Http1RequestDecoder decoder = channel.pipeline().get(Http1RequestDecoder.class);
        assertFalse(decoder.isHeadInProgress());

        write("GET / HTTP/1.1\r\nHo");
        assertTrue(decoder.isHeadInProgress());

        write("st: h\r\n\r\n");
        read(FullHttpRequest.class);
        assertFalse(decoder.isHeadInProgress());
        assertFalse(channel.finishAndReleaseAll());
    }

    // ---- bodies ------------------------------------------------------------------------------------

    @Test
    void postWithContentLengthSplitAcrossWrites() {
        write("POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nhel");
        write("lo");
        write("world");

        HttpRequest head = read(HttpRequest.class);
        assertFalse(head instanceof FullHttpRequest);
        assertSame(HttpMethod.POST, head.method());
        assertContent("hel", read(DefaultHttpContent.class));
        assertContent("lo", read(DefaultHttpContent.class));
        LastHttpContent last = read(LastHttpContent.class);
        assertContent("world", last);
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void contentLengthBodyThenPipelinedGet() {
        write("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: h\r\n\r\n");

        assertEquals("/a", read(HttpRequest.class).uri());
        assertContent("abc", read(LastHttpContent.class));
        assertEquals("/b", read(FullHttpRequest.class).uri());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void contentLengthZeroIsAFullRequest() {
        write("POST /empty HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");

        assertEquals(0, read(FullHttpRequest.class).content().readableBytes());
        assertFalse(channel.finishAndReleaseAll());
    }

    /** RFC 3986: what a path may hold unencoded; the query is laxer, as browsers send "{", "|" and quotes there. */
    @ParameterizedTest
    @ValueSource(strings = {"/a%7Bb%7C", "/a!$&'()*+,;=:@~b", "/a?b{c}|d\"e<f>^`[g]", "/\u00c3\u00a9",
        "http://[::1]:8080/x?y[0]=1", "http://h?x|y", "/a#f"})
    void targetsWithinTheGrammarAreAccepted(String target) {
        write("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n");

        assertEquals(target, read(FullHttpRequest.class).uri());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailers() {
        write("POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n"
                + "6 ; q=\"a;\\\"b\" ;x\r\n wor");
        write("ld\r\n0\r\nX-Checksum: abc\r\nX-Other:  z \r\n\r\n");

        assertEquals("/up", read(HttpRequest.class).uri());
        assertContent("hello", read(HttpContent.class));
        assertContent(" wor", read(HttpContent.class));
        assertContent("ld", read(HttpContent.class));
        LastHttpContent last = read(LastHttpContent.class);
        assertEquals(0, last.content().readableBytes());
        assertEquals("abc", last.trailingHeaders().get("x-checksum"));
        assertEquals("z", last.trailingHeaders().get("x-other"));
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void chunkedBodyWithoutTrailersEndsWithEmptyLastContentThenPipelinedGet() {
        write("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n00A\r\n0123456789\r\n0\r\n\r\n"
                + "GET /next HTTP/1.1\r\nHost: h\r\n\r\n");

        read(HttpRequest.class);
        assertContent("0123456789", read(HttpContent.class));
        assertSame(LastHttpContent.EMPTY_LAST_CONTENT, read(LastHttpContent.class));
        assertEquals("/next", read(FullHttpRequest.class).uri());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void contentSlicesShareTheInputBuffer() {
        ByteBuf input = buffer("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody");
        channel.writeInbound(input);

        read(HttpRequest.class);
        LastHttpContent last = read(LastHttpContent.class);
        assertSame(input, last.content().unwrap());
        assertFalse(channel.finishAndReleaseAll());
    }

    // ---- errors ------------------------------------------------------------------------------------

    private static final String CHUNKED_HEAD = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";

    /** Requests whose head breaks a rule: the error is the only message. */
    static Stream<Arguments> badHeads() {
        String get = "GET / HTTP/1.1\r\nHost: h\r\n";
        return Stream.of(
                bad("CL with TE", get + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
                bad("TE with CL", get + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", 400),
                bad("differing CL lines", get + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
                bad("differing CL list", get + "Content-Length: 5, 6\r\n\r\n", 400),
                bad("negative CL", get + "Content-Length: -1\r\n\r\n", 400),
                bad("hex-ish CL", get + "Content-Length: 1a\r\n\r\n", 400),
                bad("signed CL", get + "Content-Length: +5\r\n\r\n", 400),
                bad("huge CL", get + "Content-Length: 99999999999999999999\r\n\r\n", 400),
                bad("empty CL", get + "Content-Length:\r\n\r\n", 400),
                bad("CL list with empty member", get + "Content-Length: 5,\r\n\r\n", 400),
                bad("obs-fold", get + "X-A: one\r\n two\r\n\r\n", 400),
                bad("obs-fold with HTAB", get + "X-A: one\r\n\ttwo\r\n\r\n", 400),
                bad("whitespace after request line", "GET / HTTP/1.1\r\n Host: h\r\n\r\n", 400),
                bad("space before colon", get + "X-A : v\r\n\r\n", 400),
                bad("tab before colon", get + "X-A\t: v\r\n\r\n", 400),
                bad("no colon", get + "X-A v\r\n\r\n", 400),
                bad("empty name", get + ": v\r\n\r\n", 400),
                bad("CTL in name", get + "X\u0001A: v\r\n\r\n", 400),
                bad("NUL in value", get + "X-A: a\u0000b\r\n\r\n", 400),
                bad("DEL in value", get + "X-A: a\u007fb\r\n\r\n", 400),
                bad("CTL in method", "G\u0000T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("non-token method", "GE(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("bare CR in value", get + "X-A: a\rb\r\n\r\n", 400),
                bad("bare CR ending a line", "GET / HTTP/1.1\rHost: h\r\n\r\n", 400),
                bad("bare CR before request line", "\rGET / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("bare LF ending request line", "GET / HTTP/1.1\nHost: h\r\n\r\n", 400),
                bad("bare LF ending a field", get + "X-A: v\n\r\n", 400),
                bad("bare LF ending the head", get + "\n", 400),
                bad("bare LF before request line", "\nGET / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("missing Host on 1.1", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
                bad("two Hosts", get + "host: h\r\n\r\n", 400),
                bad("invalid Host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
                bad("Host with userinfo", "GET / HTTP/1.1\r\nHost: u@h\r\n\r\n", 400),
                bad("Host with a non-numeric port", "GET / HTTP/1.1\r\nHost: a:b\r\n\r\n", 400),
                bad("Host with two colons", "GET / HTTP/1.1\r\nHost: a:1:2\r\n\r\n", 400),
                bad("Host with an unclosed IP literal", "GET / HTTP/1.1\r\nHost: [::1:80\r\n\r\n", 400),
                bad("Host with only a port", "GET / HTTP/1.1\r\nHost: :80\r\n\r\n", 400),
                bad("TE on HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
                bad("empty TE", get + "Transfer-Encoding: ,\r\n\r\n", 400),
                bad("origin without slash", "GET index.html HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("asterisk with GET", "GET * HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("authority-form with GET", "GET example.com:80 HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("CONNECT with origin-form", "CONNECT /x HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("CONNECT without port", "CONNECT example.com HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("other scheme", "GET ftp://h/x HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("CTL in target", "GET /a\u0001b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                // RFC 3986 §3.3: these are not pchar and must be percent-encoded in a path
                bad("'<' in path", "GET /a<b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("'\"' in path", "GET /a\"b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("'{' in path", "GET /a{b}?c HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("'|' in path", "GET /a|b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("'[' in path", "GET /a[b] HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("'^' in absolute-form path", "GET http://h/a^b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                // RFC 9110 §9.3.6: a well-formed CONNECT asks for a tunnel; none is offered (§15.6.2)
                bad("CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 501),
                bad("CONNECT to an IP literal", "CONNECT [::1]:8443 HTTP/1.1\r\nHost: [::1]:8443\r\n\r\n", 501),
                bad("two spaces after method", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("space after version", "GET / HTTP/1.1 \r\nHost: h\r\n\r\n", 400),
                bad("no version", "GET /\r\nHost: h\r\n\r\n", 400),
                bad("lower-case version", "GET / http/1.1\r\nHost: h\r\n\r\n", 400),
                bad("malformed version", "GET / HTTP/1.x\r\nHost: h\r\n\r\n", 400),
                bad("long version", "GET / HTTP/1.10\r\nHost: h\r\n\r\n", 400),
                bad("HTTP/2.0", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505),
                bad("HTTP/0.9", "GET / HTTP/0.9\r\nHost: h\r\n\r\n", 505),
                bad("absolute-form without host", "GET http:///x HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("absolute-form with userinfo", "GET http://u@h/x HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                bad("TE gzip", get + "Transfer-Encoding: gzip\r\n\r\n", 501),
                bad("TE gzip, chunked", get + "Transfer-Encoding: gzip, chunked\r\n\r\n", 501),
                bad("TE chunked, gzip", get + "Transfer-Encoding: chunked, gzip\r\n\r\n", 400), // RFC 9112 §6.3 (4)
                bad("TE on two lines", get + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
                bad("TE chunked twice", get + "Transfer-Encoding: chunked, chunked\r\n\r\n", 501),
                bad("CL over the limit", get + "Content-Length: 65\r\n\r\n", 413),
                bad("URI over the limit", "GET /" + "a".repeat(MAX_URI) + " HTTP/1.1\r\nHost: h\r\n\r\n", 414),
                bad("head over the limit", get + "X-Big: " + "b".repeat(MAX_HEAD) + "\r\n\r\n", 431));
    }

    /** Chunked bodies that break a rule: the request head comes out first, then only the error. */
    static Stream<Arguments> badChunks() {
        String chunked = CHUNKED_HEAD;
        return Stream.of(
                bad("non-hex chunk size", chunked + "zz\r\n", 400),
                bad("empty chunk size", chunked + "\r\n", 400),
                bad("chunk size with junk", chunked + "5 x\r\nhello\r\n", 400),
                bad("chunk size with trailing space", chunked + "5 \r\nhello\r\n", 400),
                bad("chunk size overflow", chunked + "fffffffffffffffff\r\n", 400),
                bad("CTL in chunk extension", chunked + "5;a=\u0001\r\nhello\r\n", 400),
                // RFC 9112 §7.1.1: chunk-ext-name is a token, chunk-ext-val a token or quoted-string
                bad("empty chunk extension", chunked + "5;\r\nhello\r\n", 400),
                bad("chunk extension without name", chunked + "5;=v\r\nhello\r\n", 400),
                bad("chunk extension with empty value", chunked + "5;a=\r\nhello\r\n", 400),
                bad("chunk extension name not a token", chunked + "5;a(b\r\nhello\r\n", 400),
                bad("unterminated quoted chunk extension", chunked + "5;a=\"b\r\nhello\r\n", 400),
                bad("chunk extensions without separator", chunked + "5;a=b c=d\r\nhello\r\n", 400),
                bad("bare LF after chunk size", chunked + "5\nhello\r\n", 400),
                bad("obs-fold in trailers", chunked + "0\r\nX-T: a\r\n b\r\n\r\n", 400),
                bad("space before colon in trailers", chunked + "0\r\nX-T : a\r\n\r\n", 400),
                bad("bare LF ending trailers", chunked + "0\r\nX-T: a\r\n\n", 400),
                bad("trailers over the limit", chunked + "0\r\nX-T: " + "t".repeat(MAX_HEAD) + "\r\n\r\n", 431));
    }

    private static Arguments bad(String name, String request, int status) {
        return Arguments.of(name, request, status);
    }

    static Stream<Arguments> badRequests() {
        return Stream.concat(badHeads(), badChunks());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badHeads")
    void eachHeadRuleAnswersItsStatus(String name, String request, int status) {
        write(request);

        Http1DecodeError error = read(Http1DecodeError.class);
        assertEquals(status, error.status().code(), error.detail());
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badChunks")
    void eachChunkRuleAnswersItsStatusAfterTheHead(String name, String request, int status) {
        write(request);

        read(HttpRequest.class);
        List<Object> rest = readAll();
        Http1DecodeError error = assertInstanceOf(Http1DecodeError.class, rest.get(rest.size() - 1));
        assertEquals(status, error.status().code(), error.detail());
        rest.forEach(m -> assertFalse(m instanceof LastHttpContent, "no last content after an error"));
        assertFalse(channel.finishAndReleaseAll());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badRequests")
    void eachRuleHoldsWhenTheRequestArrivesByteByByte(String name, String request, int status) {
        for (int i = 0; i < request.length(); i++) {
            write(request.substring(i, i + 1));
        }

        List<Object> messages = readAll();
        Object error = messages.get(messages.size() - 1);
        assertEquals(status, assertInstanceOf(Http1DecodeError.class, error).status().code());
        messages.forEach(m -> assertFalse(m instanceof LastHttpContent, "no last content after an error"));
        assertFalse(channel.finishAndReleaseAll());
    }

    /** A CR that arrived last may end the line: it is not a target byte, so the outcome does not depend on the cut. */
    @Test
    void aPendingCrIsNotCountedAsPartOfTheTarget() {
        write("GET /" + "a".repeat(MAX_URI - 1) + "\r");
        assertNull(channel.readInbound());

        write("\nHost: h\r\n\r\n");
        assertEquals(400, read(Http1DecodeError.class).status().code(), "a line without a version, not a long target");
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void afterAnErrorAllFurtherInputIsDiscarded() {
        write("GET / HTTP/1.1\r\nX-A : v\r\n\r\nGET /ok HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals(400, read(Http1DecodeError.class).status().code());
        assertNull(channel.readInbound());

        write("GET /later HTTP/1.1\r\nHost: h\r\n\r\n");
        assertNull(channel.readInbound());
        assertFalse(channel.pipeline().get(Http1RequestDecoder.class).isHeadInProgress());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void badChunkMidBodyEmitsOnlyTheError() {
        write("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n");

        read(HttpRequest.class);
        assertContent("hello", read(HttpContent.class));
        Http1DecodeError error = read(Http1DecodeError.class);
        assertEquals(400, error.status().code());
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void missingCrlfAfterChunkDataIsCaughtOnItsFirstByte() {
        write("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc");
        read(HttpRequest.class);
        assertContent("abc", read(HttpContent.class));

        write("\r");
        assertNull(channel.readInbound());
        write("0");
        assertEquals(400, read(Http1DecodeError.class).status().code());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void declaredBodyOverTheLimitIs413AndTheRequestIsNotEmitted() {
        write("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n");

        assertEquals(413, read(Http1DecodeError.class).status().code());
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void bodiesOfExactlyTheLimitAreAccepted() {
        String body = "y".repeat((int) MAX_BODY);
        write("POST /cl HTTP/1.1\r\nHost: h\r\nContent-Length: " + MAX_BODY + "\r\n\r\n" + body
                + "POST /te HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Long.toHexString(MAX_BODY) + "\r\n" + body + "\r\n0\r\n\r\n");

        assertEquals("/cl", read(HttpRequest.class).uri());
        assertContent(body, read(LastHttpContent.class));
        assertEquals("/te", read(HttpRequest.class).uri());
        assertContent(body, read(HttpContent.class));
        assertSame(LastHttpContent.EMPTY_LAST_CONTENT, read(LastHttpContent.class));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void streamedChunkedBodyOverTheLimitIs413() {
        String data = "x".repeat(40);
        write("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n28\r\n" + data + "\r\n");
        read(HttpRequest.class);
        assertContent(data, read(HttpContent.class));

        write("28\r\n" + data + "\r\n");
        assertEquals(413, read(Http1DecodeError.class).status().code());
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void overlongTrailerSectionIs431() {
        write("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n");
        read(HttpRequest.class);
        write("X-T: " + "t".repeat(MAX_HEAD) + "\r\n");

        assertEquals(431, read(Http1DecodeError.class).status().code());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void overlongTargetIs414WithoutWaitingForTheHeadToEnd() {
        write("GET /" + "a".repeat(MAX_URI));

        assertEquals(414, read(Http1DecodeError.class).status().code());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void overlongTargetIs414EvenWhenLimitsAreEqualAndItTrickles() {
        channel = newChannel(new Http1RequestDecoder(8192, 8192, -1));
        write("GET /");
        for (int i = 0; i < 100 && channel.inboundMessages().isEmpty(); i++) {
            write("a".repeat(100));
        }

        assertEquals(414, read(Http1DecodeError.class).status().code());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void overlongHeadIs431WithoutWaitingForItsEnd() {
        write("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + "b".repeat(MAX_HEAD));

        assertEquals(431, read(Http1DecodeError.class).status().code());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void headOfExactlyTheLimitIsAccepted() {
        String prefix = "GET / HTTP/1.1\r\nHost: h\r\nX-Pad: ";
        String head = prefix + "p".repeat(MAX_HEAD - prefix.length() - 4) + "\r\n\r\n";
        assertEquals(MAX_HEAD, head.length());
        write(head);

        read(FullHttpRequest.class);
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void errorDetailsNeverEchoClientBytes() {
        write("GET / HTTP/1.1\r\nHost: h\r\nX-A: secret\u0000secret\r\n\r\n");

        Http1DecodeError error = read(Http1DecodeError.class);
        assertFalse(error.detail().contains("secret"), error.detail());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void mutatedInputNeverThrowsAndNeverLeaks() {
        byte[] template = ("GET /a?b=c HTTP/1.1\r\nHost: h:80\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /u HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;x=y\r\nwxyz\r\n0\r\nT: v\r\n\r\n").getBytes(CharsetUtil.ISO_8859_1);
        Random random = new Random(9112);
        byte[] alphabet = "\r\n :;,/\t0aF\u0000\u007f\u00ff-".getBytes(CharsetUtil.ISO_8859_1);
        for (int round = 0; round < 2000; round++) {
            channel = newChannel(new Http1RequestDecoder(64, 128, 16));
            byte[] input = template.clone();
            for (int m = random.nextInt(4); m >= 0; m--) {
                input[random.nextInt(input.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            for (int from = 0; from < input.length; ) {
                int to = Math.min(input.length, from + 1 + random.nextInt(40));
                ByteBuf piece = alloc.heapBuffer(to - from).writeBytes(input, from, to - from);
                channel.writeInbound(piece);
                from = to;
            }
            List<Object> messages = readAll();
            for (int i = 0; i < messages.size() - 1; i++) {
                assertFalse(messages.get(i) instanceof Http1DecodeError, "an error is always the last message");
            }
            assertFalse(channel.finishAndReleaseAll());
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private EmbeddedChannel newChannel(Http1RequestDecoder decoder) {
        EmbeddedChannel embedded = new EmbeddedChannel(decoder);
        embedded.config().setAllocator(alloc);
        return embedded;
    }

    private void write(String data) {
        channel.writeInbound(buffer(data));
    }

    private ByteBuf buffer(String data) {
        ByteBuf buf = alloc.heapBuffer(data.length());
        buf.writeCharSequence(data, CharsetUtil.ISO_8859_1);
        return buf;
    }

    /** Reads the next message, which must be a {@code type}; it is released after the test. */
    private <T> T read(Class<T> type) {
        Object message = channel.readInbound();
        toRelease.add(message);
        return assertInstanceOf(type, message);
    }

    private List<Object> readAll() {
        List<Object> messages = new ArrayList<>();
        for (Object m; (m = channel.readInbound()) != null; ) {
            toRelease.add(m);
            messages.add(m);
        }
        return messages;
    }

    private static void assertContent(String expected, HttpContent content) {
        assertEquals(expected, content.content().toString(CharsetUtil.ISO_8859_1));
    }

    /** Remembers every buffer it hands out (the test's input and the decoder's cumulations). */
    private static final class TrackingAllocator extends AbstractByteBufAllocator {
        private final List<ByteBuf> allocated = new ArrayList<>();

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        private ByteBuf track(ByteBuf buf) {
            allocated.add(buf);
            return buf;
        }

        void assertAllReleased() {
            for (ByteBuf buf : allocated) {
                assertEquals(0, buf.refCnt(), "leaked buffer " + buf);
            }
        }
    }
}
