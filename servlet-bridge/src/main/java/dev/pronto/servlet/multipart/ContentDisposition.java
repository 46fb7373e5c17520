package dev.pronto.servlet.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * The {@code Content-Disposition} of a form-data part (RFC 7578 §4.2): its {@code name} and, for a file, its
 * {@code filename}. Parameter values are tokens or quoted strings; a {@code filename*} (RFC 8187), which RFC 7578
 * says not to send but some clients do, wins over {@code filename}. Immutable.
 *
 * @param name     the field name, or null when absent
 * @param filename the submitted file name as sent (possibly empty), or null for a plain field
 */
record ContentDisposition(String name, String filename) {

    static final ContentDisposition NONE = new ContentDisposition(null, null);

    static ContentDisposition parse(String value) {
        if (value == null) {
            return NONE;
        }
        String name = null;
        String filename = null;
        String extendedFilename = null;
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            int start = skipSpace(value, i + 1);
            int eq = value.indexOf('=', start);
            if (eq < 0) {
                break;
            }
            String key = value.substring(start, eq).trim().toLowerCase(Locale.ROOT);
            int[] end = new int[1];
            String v = parameterValue(value, skipSpace(value, eq + 1), end);
            switch (key) {
                case "name" -> name = v;
                case "filename" -> filename = v;
                case "filename*" -> extendedFilename = decodeExtended(v);
                default -> { }
            }
            i = value.indexOf(';', end[0]);
        }
        return new ContentDisposition(name, extendedFilename != null ? extendedFilename : filename);
    }

    /**
     * A token, or a quoted string. Inside quotes only {@code \"} and {@code \\} are escapes: browsers send Windows
     * paths with bare backslashes (and percent-encode '"'), so a lone backslash is kept.
     */
    private static String parameterValue(String s, int from, int[] end) {
        if (from < s.length() && s.charAt(from) == '"') {
            StringBuilder sb = new StringBuilder();
            int i = from + 1;
            for (; i < s.length() && s.charAt(i) != '"'; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                    c = s.charAt(++i);
                }
                sb.append(c);
            }
            end[0] = Math.min(i + 1, s.length());
            return sb.toString();
        }
        int semicolon = s.indexOf(';', from);
        end[0] = semicolon < 0 ? s.length() : semicolon;
        return s.substring(from, end[0]).trim();
    }

    /** RFC 8187 §3.2: {@code charset'language'percent-encoded}; null if malformed or the charset is unknown. */
    private static String decodeExtended(String v) {
        int first = v.indexOf('\'');
        int second = first < 0 ? -1 : v.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(v.substring(0, first));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(v.length());
        for (int i = second + 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && hex(v.charAt(i + 1)) >= 0 && hex(v.charAt(i + 2)) >= 0) {
                bytes.write(hex(v.charAt(i + 1)) << 4 | hex(v.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(charset);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
