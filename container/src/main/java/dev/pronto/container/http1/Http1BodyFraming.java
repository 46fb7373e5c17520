package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * Collects the fields that decide a request's framing (Host, Content-Length, Transfer-Encoding) while the head is
 * parsed, then applies RFC 9112 §6.3 to choose the body's length. One per decoder, event loop only; reads the
 * buffer without retaining it.
 */
final class Http1BodyFraming {

    enum Body { NONE, FIXED, CHUNKED }

    private int hostCount;
    private long contentLength;
    private int contentLengthValues;
    private int transferEncodingLines;
    private int chunkedCount;
    private int otherCodings;
    /** Whether the last coding of the Transfer-Encoding list seen so far is chunked. */
    private boolean lastIsChunked;

    Http1BodyFraming() {
        reset();
    }

    void reset() {
        hostCount = 0;
        contentLength = -1;
        contentLengthValues = 0;
        transferEncodingLines = 0;
        chunkedCount = 0;
        otherCodings = 0;
        lastIsChunked = false;
    }

    /** Notes one field; {@code name} is Http1HeaderNames' constant for well-known names, so identity works. */
    void onField(AsciiString name, ByteBuf buf, int from, int to) {
        if (name == HttpHeaderNames.HOST) {
            onHost(buf, from, to);
        } else if (name == HttpHeaderNames.CONTENT_LENGTH) {
            onContentLength(buf, from, to);
        } else if (name == HttpHeaderNames.TRANSFER_ENCODING) {
            onTransferEncoding(buf, from, to);
        }
    }

    /** The declared Content-Length once {@link #decide} answered {@link Body#FIXED}. */
    long contentLength() {
        return contentLength;
    }

    /** True when Content-Length came as a list or in several lines (all the same number, else it was a 400). */
    boolean hasContentLengthList() {
        return contentLengthValues > 1;
    }

    /** Chooses the body framing once every field was seen, or throws the status that answers the request. */
    Body decide(HttpVersion version, long maxBodySize) {
        // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host, or for more than one Host line
        if (hostCount == 0 && version == HttpVersion.HTTP_1_1) {
            throw Http1ParseException.badRequest("missing Host");
        }
        if (hostCount > 1) {
            throw Http1ParseException.badRequest("more than one Host");
        }
        if (transferEncodingLines > 0) {
            return decideTransferEncoding(version);
        }
        if (contentLength <= 0) {
            return Body.NONE;
        }
        if (maxBodySize >= 0 && contentLength > maxBodySize) {
            // RFC 9110 §15.5.14: refuse the content before reading any of it
            throw new Http1ParseException(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Content-Length too large");
        }
        return Body.FIXED;
    }

    private Body decideTransferEncoding(HttpVersion version) {
        // RFC 9112 §6.1: a 1.0 recipient cannot trust chunked framing; treat it as faulty framing
        if (version == HttpVersion.HTTP_1_0) {
            throw Http1ParseException.badRequest("Transfer-Encoding in HTTP/1.0");
        }
        // RFC 9112 §6.3 (3): Transfer-Encoding with Content-Length is a request smuggling vector
        if (contentLength >= 0) {
            throw Http1ParseException.badRequest("Transfer-Encoding with Content-Length");
        }
        if (chunkedCount + otherCodings == 0) {
            throw Http1ParseException.badRequest("empty Transfer-Encoding");
        }
        // RFC 9112 §6.3 (4): chunked that is not the final coding leaves the length unknowable: 400 and close
        if (chunkedCount > 0 && !lastIsChunked) {
            throw Http1ParseException.badRequest("chunked is not the final transfer coding");
        }
        // RFC 9112 §6.1: 501 for a transfer coding we do not understand; we understand only a lone chunked
        if (chunkedCount != 1 || otherCodings != 0) {
            throw new Http1ParseException(HttpResponseStatus.NOT_IMPLEMENTED, "unsupported Transfer-Encoding");
        }
        return Body.CHUNKED;
    }

    /** RFC 9110 §7.2: Host = uri-host [ ":" port ]; it may be empty. */
    private void onHost(ByteBuf buf, int from, int to) {
        hostCount++;
        int bad = buf.forEachByte(from, to - from, Http1Chars.HOST_CHARS);
        if (bad >= 0) {
            throw Http1ParseException.badByte("Host", buf.getByte(bad));
        }
        checkHostShape(buf, from, to);
    }

    /**
     * RFC 9112 §3.2: a Host that is not {@code uri-host [":" port]} gets 400. An IP literal is bracketed
     * (RFC 3986 §3.2.2); the port, when its colon is there, is digits only.
     */
    private static void checkHostShape(ByteBuf buf, int from, int to) {
        if (from == to) {
            return; // RFC 9110 §7.2: an empty Host is allowed
        }
        int hostEnd = to;
        if (buf.getByte(from) == '[') {
            int close = buf.indexOf(from, to, (byte) ']');
            if (close < 0) {
                throw Http1ParseException.badRequest("unclosed IP literal in Host");
            }
            hostEnd = close + 1;
            if (hostEnd < to && buf.getByte(hostEnd) != ':') {
                throw Http1ParseException.badRequest("junk after the IP literal in Host");
            }
        } else {
            int colon = buf.indexOf(from, to, (byte) ':');
            hostEnd = colon < 0 ? to : colon;
        }
        for (int i = hostEnd + 1; i < to; i++) {
            if (!Http1Chars.isDigit(buf.getByte(i))) {
                throw Http1ParseException.badRequest("Host port is not a number");
            }
        }
        if (hostEnd == from && hostEnd < to) {
            throw Http1ParseException.badRequest("Host has a port but no host");
        }
    }

    /**
     * RFC 9110 §8.6: Content-Length = 1*DIGIT. RFC 9112 §6.3 (5) lets a list of identical values through; every
     * member of every line must then be the same number.
     */
    private void onContentLength(ByteBuf buf, int from, int to) {
        int i = from;
        while (true) {
            i = Http1Chars.skipOws(buf, i, to);
            int digitsEnd = digitsEnd(buf, i, to);
            long value = parseDecimal(buf, i, digitsEnd);
            if (contentLength >= 0 && value != contentLength) {
                throw Http1ParseException.badRequest("differing Content-Length values");
            }
            contentLength = value;
            contentLengthValues++;
            i = Http1Chars.skipOws(buf, digitsEnd, to);
            if (i == to) {
                return;
            }
            if (buf.getByte(i) != ',') {
                throw Http1ParseException.badRequest("invalid Content-Length");
            }
            i++;
        }
    }

    private static int digitsEnd(ByteBuf buf, int from, int to) {
        while (from < to && Http1Chars.isDigit(buf.getByte(from))) {
            from++;
        }
        return from;
    }

    private static long parseDecimal(ByteBuf buf, int from, int to) {
        if (from == to) {
            throw Http1ParseException.badRequest("invalid Content-Length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = buf.getByte(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw Http1ParseException.badRequest("Content-Length overflows");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * RFC 9112 §6.1: the codings of all Transfer-Encoding lines form one list; RFC 9110 §5.6.1 lets empty
     * list elements be ignored. Coding names are case-insensitive.
     */
    private void onTransferEncoding(ByteBuf buf, int from, int to) {
        transferEncodingLines++;
        int elementStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf.getByte(i) == ',') {
                onCoding(buf, elementStart, i);
                elementStart = i + 1;
            }
        }
    }

    private void onCoding(ByteBuf buf, int from, int to) {
        from = Http1Chars.skipOws(buf, from, to);
        to = Http1Chars.trimOws(buf, from, to);
        if (from == to) {
            return;
        }
        if (Http1Chars.equalsIgnoreCase(buf, from, to, "chunked")) {
            chunkedCount++;
            lastIsChunked = true;
        } else {
            otherCodings++;
            lastIsChunked = false;
        }
    }
}
