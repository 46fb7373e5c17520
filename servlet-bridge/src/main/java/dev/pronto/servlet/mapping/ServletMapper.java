package dev.pronto.servlet.mapping;

import jakarta.servlet.http.MappingMatch;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Selects the servlet for a path within a context by the Servlet 6.1 §12.1 rules: exact, then longest
 * path prefix, then extension, then default. Immutable once built; {@link #map} is thread-safe.
 *
 * @param <T> the servlet holder type
 */
public final class ServletMapper<T> {

    private final Map<String, MappingResult<T>> exact;
    private final Map<String, Entry<T>> prefixes;
    private final Map<String, Entry<T>> extensions;
    private final MappingResult<T> contextRoot;
    private final Entry<T> defaultEntry;
    private final int longestPrefix;

    private ServletMapper(Builder<T> b) {
        this.exact = new HashMap<>();
        this.prefixes = new HashMap<>();
        this.extensions = new HashMap<>();
        MappingResult<T> root = null;
        Entry<T> dflt = null;
        int longest = -1;
        for (Entry<T> e : b.entries.values()) {
            UrlPattern p = e.pattern;
            switch (p.kind()) {
                case CONTEXT_ROOT -> root = result(e, "", "/", "");
                case DEFAULT -> dflt = e;
                case EXACT -> exact.put(p.value(), result(e, p.value(), null, p.value().substring(1)));
                case PATH -> {
                    prefixes.put(p.value(), e);
                    longest = Math.max(longest, p.value().length());
                }
                case EXTENSION -> extensions.put(p.value(), e);
            }
        }
        this.contextRoot = root;
        this.defaultEntry = dflt;
        this.longestPrefix = longest;
    }

    /** A builder collecting (pattern, servlet name, target) registrations; not thread-safe. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Maps a canonical path within the context ({@code ""} or starting with '/').
     *
     * @return the match, or null when nothing matches and no default servlet ({@code /}) is mapped
     */
    public MappingResult<T> map(String path) {
        if (path.isEmpty() || path.equals("/")) {
            // Servlet 6.1 §12.2: "" maps exactly the context root, with servlet path "" and path info "/"
            if (contextRoot != null) {
                return contextRoot;
            }
            path = "/";
        }
        MappingResult<T> result = exact.get(path);
        if (result == null) {
            result = mapPrefix(path);
        }
        if (result == null) {
            result = mapExtension(path);
        }
        if (result == null && defaultEntry != null) {
            // Servlet 6.1 §12.2: the default servlet gets the whole path as servlet path, no path info
            result = result(defaultEntry, path, null, "");
        }
        return result;
    }

    private MappingResult<T> mapPrefix(String path) {
        if (longestPrefix < 0) {
            return null;
        }
        // Servlet 6.1 §12.1: step down the path tree one directory at a time; the longest prefix wins
        int end = path.length() <= longestPrefix ? path.length() : path.lastIndexOf('/', longestPrefix);
        while (end >= 0) {
            Entry<T> e = prefixes.get(path.substring(0, end));
            if (e != null) {
                return prefixResult(e, path, end);
            }
            end = end == 0 ? -1 : path.lastIndexOf('/', end - 1);
        }
        return null;
    }

    private MappingResult<T> prefixResult(Entry<T> e, String path, int end) {
        if (end == path.length()) {
            return result(e, path, null, "");
        }
        String pathInfo = path.substring(end);
        return result(e, path.substring(0, end), pathInfo, pathInfo.substring(1));
    }

    private MappingResult<T> mapExtension(String path) {
        if (extensions.isEmpty()) {
            return null;
        }
        // Servlet 6.1 §12.1: the extension is what follows the last '.' of the last segment
        String ext = UrlPattern.extensionOf(path);
        Entry<T> e = ext == null ? null : extensions.get(ext);
        if (e == null) {
            return null;
        }
        String matchValue = path.substring(1, path.length() - ext.length() - 1);
        return result(e, path, null, matchValue);
    }

    private static <T> MappingResult<T> result(Entry<T> e, String servletPath, String pathInfo, String matchValue) {
        HttpServletMappingImpl mapping =
                new HttpServletMappingImpl(matchValue, e.pattern.pattern(), e.servletName, e.pattern.kind());
        return new MappingResult<>(e.target, servletPath, pathInfo, mapping);
    }

    /** Whether anything is mapped at {@code pattern} (the string is parsed first). */
    public boolean isMapped(String pattern) {
        UrlPattern p = UrlPattern.parse(pattern);
        return switch (p.kind()) {
            case CONTEXT_ROOT -> contextRoot != null;
            case DEFAULT -> defaultEntry != null;
            case EXACT -> exact.containsKey(p.value());
            case PATH -> prefixes.containsKey(p.value());
            case EXTENSION -> extensions.containsKey(p.value());
        };
    }

    /**
     * Collects registrations for a {@link ServletMapper}; not thread-safe.
     *
     * @param <T> the servlet holder type
     */
    public static final class Builder<T> {

        private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Maps {@code pattern} to {@code target}, known to the application as {@code servletName}.
         *
         * @throws IllegalArgumentException if the pattern is invalid
         * @throws IllegalStateException if the pattern is already mapped (Servlet 6.1 §12.2: deployment must fail)
         */
        public Builder<T> add(String pattern, String servletName, T target) {
            UrlPattern p = UrlPattern.parse(pattern);
            Objects.requireNonNull(servletName, "servletName");
            Objects.requireNonNull(target, "target");
            Entry<T> previous = entries.putIfAbsent(pattern, new Entry<>(p, servletName, target));
            if (previous != null) {
                throw new IllegalStateException("URL pattern '" + pattern + "' is mapped to both servlet '"
                        + previous.servletName + "' and servlet '" + servletName + "'");
            }
            return this;
        }

        /** Builds the immutable mapper; the builder may be reused afterwards. */
        public ServletMapper<T> build() {
            return new ServletMapper<>(this);
        }
    }

    private record Entry<T>(UrlPattern pattern, String servletName, T target) {
    }
}
