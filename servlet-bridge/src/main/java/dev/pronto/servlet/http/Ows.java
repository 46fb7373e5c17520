package dev.pronto.servlet.http;

/**
 * Optional whitespace (RFC 9110 §5.6.3: {@code OWS = *( SP / HTAB )}) around field values and their parts, skipped
 * by index so that parsers cut no strings until they know what they keep. Stateless.
 */
public final class Ows {

    private Ows() {
    }

    /** The first index in {@code [from, to)} that is not SP or HTAB, or {@code to}. */
    public static int skip(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    /** The end of {@code [from, to)} without its trailing SP and HTAB. */
    public static int trim(String s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
