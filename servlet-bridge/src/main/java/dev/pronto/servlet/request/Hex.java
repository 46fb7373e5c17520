package dev.pronto.servlet.request;

/** Hex digit decoding for %-escapes (RFC 3986 §2.1). Stateless. */
final class Hex {

    private Hex() {
    }

    /** The value of one hex digit, or -1 when {@code c} is not one. */
    static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The octet of the escape whose '%' is at {@code i}, or -1 when no two hex digits follow it. */
    static int escapeAt(CharSequence s, int i, int end) {
        if (i + 3 > end) {
            return -1;
        }
        int hi = digit(s.charAt(i + 1));
        int lo = digit(s.charAt(i + 2));
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }
}
