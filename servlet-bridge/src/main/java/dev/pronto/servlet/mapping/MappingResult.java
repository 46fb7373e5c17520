package dev.pronto.servlet.mapping;

import jakarta.servlet.http.HttpServletMapping;

/**
 * The outcome of mapping one path: the target, the servlet path / path info split and the
 * {@link HttpServletMapping}. Immutable and thread-safe, so callers may cache it per path.
 *
 * @param <T> the servlet holder type
 */
public final class MappingResult<T> {

    private final T target;
    private final String servletPath;
    private final String pathInfo;
    private final HttpServletMapping mapping;

    MappingResult(T target, String servletPath, String pathInfo, HttpServletMapping mapping) {
        this.target = target;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.mapping = mapping;
    }

    /**
     * A result for a named dispatch (Servlet 6.1 §9.1): the target alone, with no path elements, since a named
     * dispatch leaves the request's paths as they are.
     */
    public static <T> MappingResult<T> named(T target) {
        return new MappingResult<>(target, "", null, null);
    }

    /** The holder registered for the matching pattern. */
    public T target() {
        return target;
    }

    /** The value for {@code getServletPath()}: never null, {@code ""} for {@code /*} and context-root matches. */
    public String servletPath() {
        return servletPath;
    }

    /** The value for {@code getPathInfo()}: null when the match leaves no extra path. */
    public String pathInfo() {
        return pathInfo;
    }

    /** The value for {@code getHttpServletMapping()}. */
    public HttpServletMapping mapping() {
        return mapping;
    }

    @Override
    public String toString() {
        return "MappingResult{target=" + target + ", servletPath=" + servletPath + ", pathInfo=" + pathInfo
                + ", " + mapping + '}';
    }
}
