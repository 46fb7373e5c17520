package dev.pronto.servlet.request;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * Where the request is now: its URI, query, servlet path, path info, mapping and dispatcher type, which forwards,
 * includes, error and async dispatches change and put back (Servlet 6.1 §9), with the queries they add on top of the
 * request's own parameters. Part of {@link HttpServletRequestImpl}; used by the thread running the request.
 */
final class DispatchPaths {

    /** The query string the request arrived with; dispatches change {@link #queryString}, not this. */
    private final String requestQuery;
    private String requestURI;
    private String queryString;
    private DispatcherType type = DispatcherType.REQUEST;
    private String servletPath = "";
    private String pathInfo;
    private HttpServletMapping mapping;
    /** The queries of the dispatches in progress, over the request's own parameters; null for none. */
    private ParameterOverlay overlay;

    DispatchPaths(String requestURI, String queryString) {
        this.requestURI = requestURI;
        this.queryString = queryString;
        this.requestQuery = queryString;
    }

    String requestQuery() {
        return requestQuery;
    }

    String requestURI() {
        return requestURI;
    }

    String queryString() {
        return queryString;
    }

    DispatcherType type() {
        return type;
    }

    void type(DispatcherType type) {
        this.type = type;
    }

    String servletPath() {
        return servletPath;
    }

    String pathInfo() {
        return pathInfo;
    }

    HttpServletMapping mapping() {
        return mapping;
    }

    ParameterOverlay overlay() {
        return overlay;
    }

    void paths(String servletPath, String pathInfo, HttpServletMapping mapping) {
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.mapping = mapping;
    }

    HttpServletRequestImpl.DispatchState save() {
        return new HttpServletRequestImpl.DispatchState(requestURI, queryString, servletPath, pathInfo, mapping, type,
                overlay);
    }

    void restore(HttpServletRequestImpl.DispatchState state) {
        requestURI = state.requestURI();
        queryString = state.queryString();
        servletPath = state.servletPath();
        pathInfo = state.pathInfo();
        mapping = state.mapping();
        type = state.type();
        overlay = state.parameters();
    }

    void restoreParameters(HttpServletRequestImpl.DispatchState state) {
        overlay = state.parameters();
    }

    /** A dispatch target's URI; its query, when it has one, becomes the query and adds parameters (§9.1.1). */
    void dispatchTo(String requestURI, String query, DispatcherType type, Supplier<Charset> charset) {
        this.requestURI = requestURI;
        this.type = type;
        if (query != null && !query.isEmpty()) {
            this.queryString = query;
            includeQuery(query, charset);
        }
    }

    /** Adds an include's query parameters over the current ones; nothing is parsed until a parameter is asked for. */
    void includeQuery(String query, Supplier<Charset> charset) {
        if (query != null && !query.isEmpty()) {
            overlay = new ParameterOverlay(overlay, query, charset.get());
        }
    }

    /** §9.1.1: a relative dispatcher path is relative to the current servlet path plus path info. */
    String absolute(String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String current = servletPath + (pathInfo == null ? "" : pathInfo);
        int slash = current.lastIndexOf('/');
        return (slash < 0 ? "/" : current.substring(0, slash + 1)) + path;
    }
}
