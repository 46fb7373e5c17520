package dev.pronto.servlet.security;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reading {@code Authorization} headers and writing challenges (RFC 9110 §11): scheme, token68 and the
 * {@code auth-param} list with quoted strings. Stateless.
 */
final class Challenges {

    /** Longest auth-param list parsed; the header itself is bounded by the engine's header size limit. */
    private static final int MAX_PARAMS = 32;

    private Challenges() {
    }

    /** What follows {@code scheme} in {@code header} (RFC 9110 §11.1: the scheme is case-insensitive); else null. */
    static String credentials(String header, String scheme) {
        if (header == null || header.length() <= scheme.length()
                || !header.regionMatches(true, 0, scheme, 0, scheme.length())
                || header.charAt(scheme.length()) != ' ') {
            return null;
        }
        return header.substring(scheme.length() + 1).trim();
    }

    /**
     * Parses {@code name=value, name="quoted"} pairs (names lower-cased); null when the list is malformed or
     * repeats a name (RFC 7616 §3.4: each directive at most once).
     */
    static Map<String, String> params(String list) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = list.length();
        while (i < n) {
            i = skip(list, i);
            int eq = list.indexOf('=', i);
            if (eq <= i || params.size() >= MAX_PARAMS) {
                return null;
            }
            String name = list.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = skip(list, eq + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && list.charAt(i) == '"') {
                i = quoted(list, i + 1, value);
                if (i < 0) {
                    return null;
                }
            } else {
                while (i < n && list.charAt(i) != ',') {
                    value.append(list.charAt(i++));
                }
            }
            if (params.put(name, value.toString().trim()) != null) {
                return null;
            }
            i = skip(list, i);
            if (i < n && list.charAt(i++) != ',') {
                return null;
            }
        }
        return params;
    }

    private static int quoted(String s, int i, StringBuilder value) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < s.length()) {
                c = s.charAt(i++);
            }
            value.append(c);
        }
        return -1; // unterminated
    }

    private static int skip(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** {@code value} escaped for a quoted-string (RFC 9110 §5.6.4). */
    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
