package dev.pronto.container.http1;

import static dev.pronto.container.http1.Http1Chars.SP;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.CharsetUtil;

/**
 * Parses {@code method SP request-target SP HTTP-version} (RFC 9112 §3) and holds the result until the next
 * parse. One per decoder, event loop only; reads the buffer without consuming or retaining it.
 */
final class Http1RequestLine {

    /** {@code HTTP/1.1} and {@code HTTP/1.0} as big-endian longs. */
    private static final long HTTP_1_1 = 0x485454502F312E31L;
    private static final long HTTP_1_0 = 0x485454502F312E30L;

    private static final HttpMethod[] KNOWN_METHODS = {
        HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.HEAD, HttpMethod.DELETE, HttpMethod.OPTIONS,
        HttpMethod.PATCH, HttpMethod.TRACE, HttpMethod.CONNECT, HttpMethod.QUERY,
    };

    private final int maxUriLength;
    private HttpMethod method;
    private String uri;
    private HttpVersion version;
    /** Where the authority of an absolute-form target lies in {@link #uri}; -1 for the other forms. */
    private int authorityStart = -1;
    private int authorityEnd;
    /** Where the path's scan stopped: the "?" or a byte not allowed in a path; the SP ending a target without query. */
    private int firstNonPathChar;

    Http1RequestLine(int maxUriLength) {
        this.maxUriLength = maxUriLength;
    }

    /** Parses the line in [from, to), its CRLF excluded. */
    void parse(ByteBuf buf, int from, int to) {
        int methodEnd = parseMethod(buf, from, to);
        int targetEnd = findTargetEnd(buf, methodEnd + 1, to);
        version = parseVersion(buf, targetEnd + 1, to);
        authorityStart = -1;
        checkTargetForm(buf, methodEnd + 1, targetEnd);
        uri = buf.toString(methodEnd + 1, targetEnd - methodEnd - 1, CharsetUtil.ISO_8859_1);
    }

    /** The authority (host and port) of an absolute-form target, or null for the other forms. */
    String absoluteFormAuthority() {
        return authorityStart < 0 ? null : uri.substring(authorityStart, authorityEnd);
    }

    HttpMethod method() {
        return method;
    }

    String uri() {
        return uri;
    }

    HttpVersion version() {
        return version;
    }

    /** RFC 9112 §3.1: method = token, followed by exactly one SP. Returns the index of that SP. */
    private int parseMethod(ByteBuf buf, int from, int to) {
        int end = buf.forEachByte(from, to - from, Http1Chars.TCHARS);
        if (end < 0) {
            throw Http1ParseException.badRequest("request line has no request-target");
        }
        if (buf.getByte(end) != SP) {
            throw Http1ParseException.badByte("method", buf.getByte(end));
        }
        if (end == from) {
            throw Http1ParseException.badRequest("empty method");
        }
        method = knownMethod(buf, from, end);
        if (method == null) {
            method = HttpMethod.valueOf(buf.toString(from, end - from, CharsetUtil.US_ASCII));
        }
        return end;
    }

    /**
     * RFC 9112 §3.2: the target has no whitespace or CTLs and ends at a single SP. Returns the index of that SP.
     * The scan is in two legs, the path's stricter class first, so checking the path costs no extra pass.
     */
    private int findTargetEnd(ByteBuf buf, int from, int to) {
        int end = buf.forEachByte(from, to - from, Http1Chars.PATH_CHARS);
        firstNonPathChar = end;
        if (end >= 0 && buf.getByte(end) != SP) {
            end = buf.forEachByte(end, to - end, Http1Chars.TARGET_CHARS);
        }
        if (end < 0) {
            throw Http1ParseException.badRequest("request line has no HTTP-version");
        }
        if (buf.getByte(end) != SP) {
            throw Http1ParseException.badByte("request-target", buf.getByte(end));
        }
        if (end == from) {
            throw Http1ParseException.badRequest("empty request-target");
        }
        if (end - from > maxUriLength) {
            throw new Http1ParseException(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request-target too long");
        }
        return end;
    }

    /** RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive. */
    private static HttpVersion parseVersion(ByteBuf buf, int from, int to) {
        if (to - from == 8) { // one 8-byte compare for the two versions every request carries
            long word = buf.getLong(from);
            if (word == HTTP_1_1) {
                return HttpVersion.HTTP_1_1;
            }
            if (word == HTTP_1_0) {
                return HttpVersion.HTTP_1_0;
            }
        }
        if (to - from != 8 || !startsWith(buf, from, "HTTP/") || buf.getByte(from + 6) != '.') {
            throw Http1ParseException.badRequest("malformed HTTP-version");
        }
        byte major = buf.getByte(from + 5);
        byte minor = buf.getByte(from + 7);
        if (!Http1Chars.isDigit(major) || !Http1Chars.isDigit(minor)) {
            throw Http1ParseException.badRequest("malformed HTTP-version");
        }
        if (major == '1' && minor == '0') {
            return HttpVersion.HTTP_1_0;
        }
        if (major == '1') {
            // RFC 9110 §2.5: a higher minor version is processed as the highest one we implement, 1.1
            return HttpVersion.HTTP_1_1;
        }
        // RFC 9110 §15.6.6: 505 for a major version we do not support
        throw new Http1ParseException(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
                "HTTP/" + (char) major + '.' + (char) minor + " not supported");
    }

    /** RFC 9112 §3.2.1-3.2.4: which of the four target forms the method allows. */
    private void checkTargetForm(ByteBuf buf, int from, int to) {
        if (method == HttpMethod.CONNECT) {
            checkAuthorityForm(buf, from, to);
            // RFC 9110 §9.3.6, §15.6.2: a well-formed CONNECT asks for a tunnel, which this server does not offer
            throw new Http1ParseException(HttpResponseStatus.NOT_IMPLEMENTED, "CONNECT tunnels are not supported");
        }
        byte first = buf.getByte(from);
        if (first == '/') {
            checkPath(buf, from, to);
            return;
        }
        if (first == '*' && to - from == 1) {
            if (method != HttpMethod.OPTIONS) {
                throw Http1ParseException.badRequest("asterisk-form is only for OPTIONS");
            }
            return;
        }
        int schemeLength = absoluteFormSchemeLength(buf, from, to);
        if (schemeLength < 0) {
            throw Http1ParseException.badRequest("unrecognised request-target form");
        }
        checkAbsoluteFormAuthority(buf, from, from + schemeLength, to);
        checkPath(buf, from + authorityEnd, to);
    }

    /** RFC 3986 §3.3: a path byte that is not pchar or "/" (such as '<', '{' or '|') makes the target invalid. */
    private void checkPath(ByteBuf buf, int pathStart, int targetEnd) {
        int stop = firstNonPathChar >= pathStart ? firstNonPathChar
                : buf.forEachByte(pathStart, targetEnd - pathStart, Http1Chars.PATH_CHARS);
        if (stop >= 0 && stop < targetEnd && buf.getByte(stop) != '?') {
            throw Http1ParseException.badByte("path", buf.getByte(stop));
        }
    }

    /**
     * RFC 9112 §3.2.2: the server uses the target's authority instead of Host, so it must be a valid, non-empty
     * uri-host [":" port]; RFC 9110 §4.2.4: userinfo is not allowed in an http(s) URI.
     */
    private void checkAbsoluteFormAuthority(ByteBuf buf, int targetStart, int from, int to) {
        int end = from;
        while (end < to && "/?#".indexOf(buf.getByte(end)) < 0) {
            end++;
        }
        if (end == from) {
            throw Http1ParseException.badRequest("absolute-form target without a host");
        }
        int bad = buf.forEachByte(from, end - from, Http1Chars.HOST_CHARS);
        if (bad >= 0) {
            throw Http1ParseException.badByte("authority", buf.getByte(bad));
        }
        authorityStart = from - targetStart;
        authorityEnd = end - targetStart;
    }

    /**
     * RFC 9112 §3.2.2: an absolute http(s) URI; the scheme is case-insensitive (RFC 3986 §3.1). Returns the length
     * of {@code scheme "://"}, or -1 if the target is not one.
     */
    private static int absoluteFormSchemeLength(ByteBuf buf, int from, int to) {
        int length = to - from;
        if (length >= 7 && Http1Chars.equalsIgnoreCase(buf, from, from + 7, "http://")) {
            return 7;
        }
        return length >= 8 && Http1Chars.equalsIgnoreCase(buf, from, from + 8, "https://") ? 8 : -1;
    }

    /** RFC 9112 §3.2.3: authority-form = uri-host ":" port, no userinfo. */
    private static void checkAuthorityForm(ByteBuf buf, int from, int to) {
        if (buf.forEachByte(from, to - from, Http1Chars.HOST_CHARS) >= 0) {
            throw Http1ParseException.badRequest("CONNECT needs an authority-form target");
        }
        int colon = buf.indexOf(to, from, (byte) ':'); // reverse search: the port follows the last colon
        boolean hasHost = colon > from;
        boolean hasPort = colon >= 0 && colon < to - 1 && allDigits(buf, colon + 1, to);
        if (!hasHost || !hasPort) {
            throw Http1ParseException.badRequest("CONNECT needs host:port");
        }
    }

    private static boolean allDigits(ByteBuf buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Http1Chars.isDigit(buf.getByte(i))) {
                return false;
            }
        }
        return true;
    }

    private static HttpMethod knownMethod(ByteBuf buf, int from, int to) {
        for (HttpMethod candidate : KNOWN_METHODS) {
            if (sameBytes(buf, from, to, candidate.asciiName())) {
                return candidate;
            }
        }
        return null;
    }

    /** RFC 9110 §9.1: methods are case-sensitive, so this is an exact comparison. */
    private static boolean sameBytes(ByteBuf buf, int from, int to, AsciiString name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (buf.getByte(from + i) != name.byteAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(ByteBuf buf, int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (buf.getByte(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
