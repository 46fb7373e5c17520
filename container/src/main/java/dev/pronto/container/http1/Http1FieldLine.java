package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import io.netty.util.AsciiString;
import io.netty.util.CharsetUtil;

/**
 * Parses one field line, {@code field-name ":" OWS field-value OWS} (RFC 9112 §5), and holds the name and the
 * value's bounds until the next parse. One per decoder, event loop only; reads the buffer without retaining it.
 */
final class Http1FieldLine {

    private AsciiString name;
    private int valueStart;
    private int valueEnd;

    /** Parses the line in [from, to), its CRLF excluded. */
    void parse(ByteBuf buf, int from, int to) {
        int colon = parseName(buf, from, to);
        valueStart = Http1Chars.skipOws(buf, colon + 1, to);
        valueEnd = Http1Chars.trimOws(buf, valueStart, to);
        // RFC 9110 §5.5: field-value = *field-content; CR, LF, NUL and other CTLs are invalid
        int bad = buf.forEachByte(valueStart, valueEnd - valueStart, Http1Chars.FIELD_CONTENTS);
        if (bad >= 0) {
            throw Http1ParseException.badByte("field value", buf.getByte(bad));
        }
    }

    AsciiString name() {
        return name;
    }

    int valueStart() {
        return valueStart;
    }

    int valueEnd() {
        return valueEnd;
    }

    /** The value as an ISO-8859-1 string (RFC 9110 §5.5: octets beyond US-ASCII are opaque). */
    String value(ByteBuf buf) {
        return buf.toString(valueStart, valueEnd - valueStart, CharsetUtil.ISO_8859_1);
    }

    /** Parses field-name ":"; returns the colon's index. */
    private int parseName(ByteBuf buf, int from, int to) {
        byte first = buf.getByte(from);
        if (Http1Chars.isOws(first)) {
            // RFC 9112 §5.2: obs-fold is deprecated; a server may reject it with 400, and we do
            throw Http1ParseException.badRequest("obsolete line folding");
        }
        int colon = buf.forEachByte(from, to - from, Http1Chars.TCHARS);
        if (colon < 0) {
            throw Http1ParseException.badRequest("field line has no colon");
        }
        byte b = buf.getByte(colon);
        if (Http1Chars.isOws(b)) {
            // RFC 9112 §5.1: whitespace between field name and colon must be rejected with 400
            throw Http1ParseException.badRequest("whitespace before colon");
        }
        if (b != ':') {
            throw Http1ParseException.badByte("field name", b);
        }
        if (colon == from) {
            throw Http1ParseException.badRequest("empty field name");
        }
        name = Http1HeaderNames.of(buf, from, colon);
        return colon;
    }
}
