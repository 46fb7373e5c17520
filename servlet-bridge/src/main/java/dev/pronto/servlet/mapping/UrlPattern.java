package dev.pronto.servlet.mapping;

import jakarta.servlet.http.MappingMatch;

/**
 * A validated Servlet 6.1 §12.2 URL pattern: context root, default, exact, path prefix or extension.
 * Immutable and thread-safe.
 */
public final class UrlPattern {

    private final String pattern;
    private final MappingMatch kind;
    private final String value;

    private UrlPattern(String pattern, MappingMatch kind, String value) {
        this.pattern = pattern;
        this.kind = kind;
        this.value = value;
    }

    /**
     * Parses and validates a pattern.
     *
     * @throws IllegalArgumentException if the pattern is null, holds a control character, or fits none of
     *     the §12.2 forms ({@code ""}, {@code /}, {@code /exact}, {@code /prefix/*}, {@code *.ext})
     */
    public static UrlPattern parse(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("URL pattern must not be null");
        }
        checkNoControlCharacters(pattern);
        if (pattern.isEmpty()) {
            return new UrlPattern(pattern, MappingMatch.CONTEXT_ROOT, "");
        }
        if (pattern.equals("/")) {
            return new UrlPattern(pattern, MappingMatch.DEFAULT, "");
        }
        if (pattern.startsWith("*.")) {
            return extension(pattern);
        }
        if (pattern.charAt(0) != '/') {
            throw invalid(pattern, "must start with '/' or '*.', or be empty");
        }
        if (pattern.endsWith("/*")) {
            // Servlet 6.1 §12.2: "/..../*" is a path mapping; "/*" keeps the empty prefix
            return new UrlPattern(pattern, MappingMatch.PATH, pattern.substring(0, pattern.length() - 2));
        }
        // Servlet 6.1 §12.2: all other strings are exact matches only
        return new UrlPattern(pattern, MappingMatch.EXACT, pattern);
    }

    private static UrlPattern extension(String pattern) {
        String ext = pattern.substring(2);
        if (ext.isEmpty() || ext.indexOf('/') >= 0 || ext.indexOf('*') >= 0) {
            throw invalid(pattern, "an extension pattern is '*.' followed by an extension without '/' or '*'");
        }
        return new UrlPattern(pattern, MappingMatch.EXTENSION, ext);
    }

    private static void checkNoControlCharacters(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw invalid(pattern, "contains a control character");
            }
        }
    }

    private static IllegalArgumentException invalid(String pattern, String why) {
        return new IllegalArgumentException("Invalid URL pattern '" + pattern + "': " + why);
    }

    /** The pattern exactly as given, as {@code HttpServletMapping.getPattern()} reports it. */
    public String pattern() {
        return pattern;
    }

    /** Which of the five §12.2 forms this is. */
    public MappingMatch kind() {
        return kind;
    }

    /**
     * The part that is matched: the whole path for EXACT, the prefix without {@code /*} for PATH
     * ({@code ""} for {@code /*}), the extension without {@code *.} for EXTENSION, {@code ""} otherwise.
     */
    public String value() {
        return value;
    }

    /**
     * Whether this pattern, used in a filter mapping, selects {@code path} (a canonical path within the
     * context). Same rules as servlet mapping, except that {@code /} and {@code /*} select every path.
     */
    public boolean matchesFilterPath(String path) {
        switch (kind) {
            case CONTEXT_ROOT:
                return path.isEmpty() || path.equals("/");
            case DEFAULT:
                return true;
            case EXACT:
                return value.equals(path);
            case PATH:
                return matchesPrefix(path);
            default:
                return value.equals(extensionOf(path));
        }
    }

    private boolean matchesPrefix(String path) {
        int n = value.length();
        // Servlet 6.1 §12.2: "/foo/*" selects "/foo" and "/foo/..." but never "/foobar"
        return path.startsWith(value) && (path.length() == n || path.charAt(n) == '/');
    }

    /** The extension of the path's last segment (text after its last '.'), or null when it has none. */
    static String extensionOf(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return null;
        }
        return path.substring(dot + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UrlPattern && ((UrlPattern) o).pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
