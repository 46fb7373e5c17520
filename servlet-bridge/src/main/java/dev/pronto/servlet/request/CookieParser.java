package dev.pronto.servlet.request;

import dev.pronto.servlet.http.Ows;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses request {@code Cookie} headers (RFC 6265 §4.2.1 / §5.4) into {@link Cookie}s. Stateless and
 * thread-safe. Like Tomcat's RFC 6265 parser, a pair that breaks the grammar is skipped silently and the
 * rest are kept; a quoted value is returned without its quotes.
 */
public final class CookieParser {

    private static final Cookie[] NONE = new Cookie[0];

    private CookieParser() {
    }

    /** The cookies of all {@code Cookie} header lines, in order; an empty array when there are none. */
    public static Cookie[] parse(Iterable<String> headerValues) {
        List<Cookie> cookies = new ArrayList<>();
        for (String header : headerValues) {
            parseInto(header, cookies);
        }
        return cookies.isEmpty() ? NONE : cookies.toArray(NONE);
    }

    /** The cookies of one {@code Cookie} header line; an empty array when there are none. */
    public static Cookie[] parse(String headerValue) {
        List<Cookie> cookies = new ArrayList<>();
        parseInto(headerValue, cookies);
        return cookies.isEmpty() ? NONE : cookies.toArray(NONE);
    }

    private static void parseInto(String header, List<Cookie> out) {
        if (header == null) {
            return;
        }
        // RFC 6265 §4.2.1: cookie-string = cookie-pair *( ";" SP cookie-pair )
        int start = 0;
        while (start < header.length()) {
            int semicolon = header.indexOf(';', start);
            int end = semicolon < 0 ? header.length() : semicolon;
            Cookie cookie = pair(header, start, end);
            if (cookie != null) {
                out.add(cookie);
            }
            start = end + 1;
        }
    }

    /** One cookie-pair = cookie-name "=" cookie-value, or null when it breaks the grammar. */
    private static Cookie pair(String s, int start, int end) {
        int from = Ows.skip(s, start, end);
        int to = Ows.trim(s, from, end);
        int eq = s.indexOf('=', from);
        if (eq < 0 || eq >= to) {
            return null; // RFC 6265 §4.2.1: the '=' is required
        }
        int nameEnd = Ows.trim(s, from, eq);
        if (nameEnd == from || !isToken(s, from, nameEnd)) {
            return null;
        }
        String value = value(s, Ows.skip(s, eq + 1, to), to);
        return value == null ? null : newCookie(s.substring(from, nameEnd), value);
    }

    /**
     * cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE ); the quotes are part of the value, as with
     * Tomcat and Jetty (the Servlet TCK's {@code getValueQuotedTest} expects them).
     */
    private static String value(String s, int from, int to) {
        int start = from;
        int end = to;
        if (to - from >= 2 && s.charAt(from) == '"' && s.charAt(to - 1) == '"') {
            start++;
            end--;
        }
        for (int i = start; i < end; i++) {
            if (!isCookieOctet(s.charAt(i))) {
                return null;
            }
        }
        return s.substring(from, to);
    }

    private static Cookie newCookie(String name, String value) {
        try {
            return new Cookie(name, value);
        } catch (IllegalArgumentException e) {
            return null; // a name the Servlet API refuses (a reserved attribute name, say)
        }
    }

    /** RFC 6265 §4.1.1: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E (no CTL, space, DQUOTE, ',', ';', '\'). */
    static boolean isCookieOctet(char c) {
        return c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    /** RFC 9110 §5.6.2: token = 1*tchar. */
    static boolean isToken(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    static boolean isTchar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 0x7F && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
