package dev.pronto.servlet.http;

/**
 * Helpers for {@code Content-Type} values (RFC 9110 §8.3.1: media-type *( OWS ";" OWS parameter )).
 * Stateless and thread-safe; parameters may be quoted strings.
 */
public final class ContentTypes {

    private ContentTypes() {
    }

    /** The media type without parameters, trimmed ({@code "text/html"}); null for null. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    /** Whether the media type (parameters ignored) equals {@code mediaType}, case-insensitively (RFC 9110 §8.3.1). */
    public static boolean hasMediaType(String contentType, String mediaType) {
        if (contentType == null) {
            return false;
        }
        int start = Ows.skip(contentType, 0, contentType.length());
        int semicolon = contentType.indexOf(';');
        int end = Ows.trim(contentType, start, semicolon < 0 ? contentType.length() : semicolon);
        return end - start == mediaType.length() && contentType.regionMatches(true, start, mediaType, 0, end - start);
    }

    /** The value of the {@code charset} parameter, unquoted; null when absent, empty or for null. */
    public static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        int start = contentType.indexOf(';');
        while (start >= 0) {
            int end = parameterEnd(contentType, start + 1);
            String value = charsetValue(contentType, start + 1, end);
            if (value != null) {
                return value.isEmpty() ? null : value;
            }
            start = end < contentType.length() ? end : -1;
        }
        return null;
    }

    /**
     * The content type without its {@code charset} parameter, other parameters kept in order and joined
     * with ';' and no space (for example {@code multipart/form-data;boundary=x}); null for null.
     */
    public static String removeCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        int start = contentType.indexOf(';');
        if (start < 0) {
            return contentType.trim();
        }
        StringBuilder sb = new StringBuilder(contentType.length()).append(contentType.substring(0, start).trim());
        while (start < contentType.length()) {
            int end = parameterEnd(contentType, start + 1);
            int from = Ows.skip(contentType, start + 1, end);
            int to = Ows.trim(contentType, from, end);
            if (to > from && charsetValue(contentType, start + 1, end) == null) {
                sb.append(';').append(contentType, from, to);
            }
            start = end;
        }
        return sb.toString();
    }

    /** The unquoted value when {@code [from, to)} is a charset parameter, else null. */
    private static String charsetValue(String s, int from, int to) {
        from = Ows.skip(s, from, to);
        int eq = s.indexOf('=', from);
        if (eq < 0 || eq >= to) {
            return null;
        }
        int nameEnd = Ows.trim(s, from, eq);
        if (nameEnd - from != 7 || !s.regionMatches(true, from, "charset", 0, 7)) {
            return null;
        }
        int valueStart = Ows.skip(s, eq + 1, to);
        int valueEnd = Ows.trim(s, valueStart, to);
        return unquote(s.substring(valueStart, valueEnd));
    }

    /** RFC 9110 §5.6.4: quoted-string with quoted-pair escapes. */
    static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length() - 2);
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                c = v.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The index of the ';' that ends the parameter starting at {@code from} (outside quotes), or the length. */
    private static int parameterEnd(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return s.length();
    }
}
