package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Byte classes of the HTTP/1.1 grammar as one lookup table, and the stateless {@link ByteProcessor}s that scan
 * runs of them. Pure functions, safe on any thread; never touches reference counts.
 */
final class Http1Chars {

    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte SP = ' ';
    static final byte HTAB = '\t';

    private static final int TCHAR = 1;
    private static final int FIELD_CONTENT = 2;
    private static final int TARGET = 4;
    private static final int HOST = 8;
    private static final int PATH = 16;
    private static final byte[] CLASSES = new byte[256];

    static {
        // RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`"
        //                          / "|" / "~" / DIGIT / ALPHA
        mark(TCHAR, "!#$%&'*+-.^_`|~0123456789");
        markLetters(TCHAR);
        // RFC 9110 §5.5: field-content chars are VCHAR, obs-text, SP and HTAB
        markRange(FIELD_CONTENT, 0x21, 0x7E);
        markRange(FIELD_CONTENT, 0x80, 0xFF);
        mark(FIELD_CONTENT, " \t");
        // RFC 9112 §3.2: the request-target has no whitespace or control characters (obs-text is let through)
        markRange(TARGET, 0x21, 0x7E);
        markRange(TARGET, 0x80, 0xFF);
        // RFC 3986 §3.3 and §2.2: a path is pchar and "/"; of the target chars these must be percent-encoded in it.
        // The query keeps them (browsers and peers send "{", "|" there). "?" ends the path; obs-text is let through.
        markRange(PATH, 0x21, 0x7E);
        markRange(PATH, 0x80, 0xFF);
        unmark(PATH, "\"<>[]^`{|}?");
        // RFC 3986 §3.2.2-3.2.3: reg-name (unreserved, pct-encoded, sub-delims), IP-literal brackets, ":" port
        mark(HOST, "-._~%!$&'()*+,;=:[]0123456789");
        markLetters(HOST);
    }

    /** Stops at the first byte that is not a tchar. */
    static final ByteProcessor TCHARS = b -> (CLASSES[b & 0xFF] & TCHAR) != 0;
    /** Stops at the first byte that may not appear in a field value. */
    static final ByteProcessor FIELD_CONTENTS = b -> (CLASSES[b & 0xFF] & FIELD_CONTENT) != 0;
    /** Stops at the first byte that may not appear in a request-target (SP ends the target). */
    static final ByteProcessor TARGET_CHARS = b -> (CLASSES[b & 0xFF] & TARGET) != 0;
    /** Stops at the first byte that may not appear in the path of a request-target, or at the "?" ending it. */
    static final ByteProcessor PATH_CHARS = b -> (CLASSES[b & 0xFF] & PATH) != 0;
    /** Stops at the first byte that may not appear in a Host value or an authority-form target. */
    static final ByteProcessor HOST_CHARS = b -> (CLASSES[b & 0xFF] & HOST) != 0;

    private Http1Chars() {
    }

    static boolean isOws(byte b) {
        return b == SP || b == HTAB;
    }

    static boolean isFieldContent(byte b) {
        return (CLASSES[b & 0xFF] & FIELD_CONTENT) != 0;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The value of a HEXDIG, or -1. */
    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** The first index in [from, to) that is not OWS, or {@code to}. */
    static int skipOws(ByteBuf buf, int from, int to) {
        while (from < to && isOws(buf.getByte(from))) {
            from++;
        }
        return from;
    }

    /** The end of [from, to) once trailing OWS is dropped. */
    static int trimOws(ByteBuf buf, int from, int to) {
        while (to > from && isOws(buf.getByte(to - 1))) {
            to--;
        }
        return to;
    }

    /** Whether [from, from + lowerCase.length()) equals {@code lowerCase}, ASCII letters compared without case. */
    static boolean equalsIgnoreCase(ByteBuf buf, int from, int to, String lowerCase) {
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if (toLower(buf.getByte(from + i)) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? b | 0x20 : b & 0xFF;
    }

    /** Names a byte for an error detail without echoing anything but a single printable ASCII char. */
    static String describe(byte b) {
        switch (b) {
            case CR: return "bare CR";
            case LF: return "bare LF";
            case SP: return "SP";
            case HTAB: return "HTAB";
            default: break;
        }
        if (b > 0x20 && b < 0x7F) {
            return "'" + (char) b + "'";
        }
        return String.format("byte 0x%02x", b & 0xFF);
    }

    private static void mark(int flag, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            CLASSES[chars.charAt(i)] |= flag;
        }
    }

    private static void unmark(int flag, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            CLASSES[chars.charAt(i)] &= (byte) ~flag;
        }
    }

    private static void markLetters(int flag) {
        markRange(flag, 'a', 'z');
        markRange(flag, 'A', 'Z');
    }

    private static void markRange(int flag, int from, int to) {
        for (int c = from; c <= to; c++) {
            CLASSES[c] |= flag;
        }
    }
}
