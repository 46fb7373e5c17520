package dev.pronto.servlet.mapping;

import java.util.Collection;
import java.util.List;

/**
 * The URL patterns and servlet names of one filter mapping, and whether a request selects it
 * (Servlet 6.1 §6.2.4). Immutable and thread-safe.
 */
public final class FilterMatcher {

    /** Servlet 6.1 §6.2.5: the servlet name {@code *} selects every servlet. */
    public static final String ALL_SERVLETS = "*";

    private final UrlPattern[] urlPatterns;
    private final String[] servletNames;
    private final boolean allServlets;

    private FilterMatcher(UrlPattern[] urlPatterns, String[] servletNames) {
        this.urlPatterns = urlPatterns;
        this.servletNames = servletNames;
        this.allServlets = List.of(servletNames).contains(ALL_SERVLETS);
    }

    /**
     * A matcher for the given URL patterns and servlet names (either may be empty).
     *
     * @throws IllegalArgumentException if a URL pattern is invalid
     */
    public static FilterMatcher of(Collection<String> urlPatterns, Collection<String> servletNames) {
        UrlPattern[] patterns = urlPatterns.stream().map(UrlPattern::parse).toArray(UrlPattern[]::new);
        return new FilterMatcher(patterns, servletNames.toArray(String[]::new));
    }

    /** Whether one filter URL pattern selects {@code path}; {@code /} and {@code /*} select everything. */
    public static boolean patternMatches(String urlPattern, String path) {
        return UrlPattern.parse(urlPattern).matchesFilterPath(path);
    }

    /** Whether the request is selected by URL pattern or by the name of the servlet it is mapped to. */
    public boolean matches(String path, String servletName) {
        return matchesPath(path) || matchesServletName(servletName);
    }

    /** Whether any URL pattern selects {@code path}, a canonical path within the context. */
    public boolean matchesPath(String path) {
        if (path == null) {
            return false;
        }
        for (UrlPattern p : urlPatterns) {
            if (p.matchesFilterPath(path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the servlet named {@code servletName} is selected by name ({@code *} selects all). */
    public boolean matchesServletName(String servletName) {
        if (servletName == null) {
            return false;
        }
        if (allServlets) {
            return true;
        }
        for (String name : servletNames) {
            if (name.equals(servletName)) {
                return true;
            }
        }
        return false;
    }
}
