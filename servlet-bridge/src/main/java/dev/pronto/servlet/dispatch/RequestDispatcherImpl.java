package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.request.HttpServletRequestImpl;
import dev.pronto.servlet.response.HttpServletResponseImpl;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.io.IOException;

/**
 * Forwards to, includes, or error-dispatches to a path or a named servlet (Servlet 6.1 §9). The container's own
 * request is found under any application wrappers and its path elements changed for the dispatch, then restored.
 * Immutable; each call runs on the caller's thread.
 */
final class RequestDispatcherImpl implements RequestDispatcher {

    private final Deployment deployment;
    private final String path;
    private final String query;
    private final ServletHolder named;

    RequestDispatcherImpl(Deployment deployment, String path, String query, ServletHolder named) {
        this.deployment = deployment;
        this.path = path;
        this.query = query;
        this.named = named;
    }

    @Override
    public void forward(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        HttpServletResponseImpl baseResponse = unwrap(response);
        if (baseResponse.isCommitted()) {
            throw new IllegalStateException("Cannot forward after the response was committed");
        }
        baseResponse.resetBuffer();
        HttpServletRequestImpl base = unwrap(request);
        HttpServletRequestImpl.DispatchState saved = base.saveState();
        try {
            if (named == null && base.getAttribute(FORWARD_REQUEST_URI) == null) {
                // §9.4.2: the attributes describe the original request, even across nested forwards
                base.setAttribute(FORWARD_REQUEST_URI, saved.requestURI());
                base.setAttribute(FORWARD_CONTEXT_PATH, base.getContextPath());
                setIfNotNull(base, FORWARD_SERVLET_PATH, saved.servletPath());
                setIfNotNull(base, FORWARD_PATH_INFO, saved.pathInfo());
                setIfNotNull(base, FORWARD_QUERY_STRING, saved.queryString());
                setIfNotNull(base, FORWARD_MAPPING, saved.mapping());
            }
            run(base, request, response, DispatcherType.FORWARD);
        } finally {
            base.restoreState(saved);
        }
        // §9.4: the forwarded response is complete when forward returns (unless async was started, or an error
        // page is still to be rendered for a sendError)
        if (!base.isAsyncStarted() && !baseResponse.isErrorPending()) {
            baseResponse.finish();
        }
    }

    @Override
    public void include(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        HttpServletRequestImpl base = unwrap(request);
        HttpServletResponseImpl baseResponse = unwrap(response);
        HttpServletRequestImpl.DispatchState saved = base.saveState();
        Object[] previous = new Object[INCLUDE_KEYS.length];
        for (int i = 0; i < INCLUDE_KEYS.length; i++) {
            previous[i] = base.getAttribute(INCLUDE_KEYS[i]);
        }
        RequestTarget target = target(DispatcherType.INCLUDE);
        if (named == null) {
            base.setAttribute(INCLUDE_REQUEST_URI, base.getContextPath() + path);
            base.setAttribute(INCLUDE_CONTEXT_PATH, base.getContextPath());
            base.setAttribute(INCLUDE_SERVLET_PATH, target.mapping().servletPath());
            setOrRemove(base, INCLUDE_PATH_INFO, target.mapping().pathInfo());
            setOrRemove(base, INCLUDE_QUERY_STRING, query);
            setOrRemove(base, INCLUDE_MAPPING, target.mapping().mapping());
        }
        baseResponse.enterInclude();
        try {
            base.includeQuery(query);
            base.dispatcherType(DispatcherType.INCLUDE);
            FilterChainImpl.run(target, request, response);
        } finally {
            baseResponse.exitInclude();
            base.restoreState(saved);
            for (int i = 0; i < INCLUDE_KEYS.length; i++) {
                setOrRemove(base, INCLUDE_KEYS[i], previous[i]);
            }
        }
    }

    private static final String[] INCLUDE_KEYS = {INCLUDE_REQUEST_URI, INCLUDE_CONTEXT_PATH, INCLUDE_SERVLET_PATH,
            INCLUDE_PATH_INFO, INCLUDE_QUERY_STRING, INCLUDE_MAPPING};

    /** The ERROR dispatch of an error page: like a forward, with the error attributes already set. */
    void error(HttpServletRequestImpl request, HttpServletResponseImpl response) throws ServletException, IOException {
        HttpServletRequestImpl.DispatchState saved = request.saveState();
        try {
            run(request, request, response, DispatcherType.ERROR);
        } finally {
            request.restoreState(saved);
        }
    }

    /** An ASYNC dispatch ({@code AsyncContext.dispatch}): like a forward, without completing the response. */
    /** An ASYNC dispatch; {@code parameters}, when given, are the ones {@code startAsync} saw (§2.3.3.3). */
    void async(HttpServletRequestImpl base, HttpServletRequestImpl.DispatchState parameters, ServletRequest request,
               ServletResponse response) throws ServletException, IOException {
        RequestTarget target = target(DispatcherType.ASYNC);
        base.dispatchTo(base.getContextPath() + path, parameters == null ? query : null, DispatcherType.ASYNC);
        if (parameters != null) {
            base.restoreParameters(parameters);
        }
        base.paths(target.mapping().servletPath(), target.mapping().pathInfo(), target.mapping().mapping());
        FilterChainImpl.run(target, request, response);
    }

    private void run(HttpServletRequestImpl base, ServletRequest request, ServletResponse response,
                     DispatcherType type) throws ServletException, IOException {
        RequestTarget target = target(type);
        if (named == null) {
            base.dispatchTo(base.getContextPath() + path, query, type);
            base.paths(target.mapping().servletPath(), target.mapping().pathInfo(), target.mapping().mapping());
        } else {
            base.dispatcherType(type);
        }
        FilterChainImpl.run(target, request, response);
    }

    private RequestTarget target(DispatcherType type) throws ServletException {
        if (named != null) {
            return deployment.namedTarget(type, named);
        }
        RequestTarget target = deployment.targets.resolve(type, path);
        if (target == null) {
            throw new ServletException("No servlet is mapped to " + path);
        }
        return target;
    }

    private static void setIfNotNull(HttpServletRequestImpl request, String name, Object value) {
        if (value != null) {
            request.setAttribute(name, value);
        }
    }

    private static void setOrRemove(HttpServletRequestImpl request, String name, Object value) {
        if (value == null) {
            request.removeAttribute(name);
        } else {
            request.setAttribute(name, value);
        }
    }

    static HttpServletRequestImpl unwrap(ServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper wrapper) {
            r = wrapper.getRequest();
        }
        if (r instanceof HttpServletRequestImpl impl) {
            return impl;
        }
        throw new IllegalArgumentException("Not a request of this container: " + request);
    }

    static HttpServletResponseImpl unwrap(ServletResponse response) {
        ServletResponse r = response;
        while (r instanceof ServletResponseWrapper wrapper) {
            r = wrapper.getResponse();
        }
        if (r instanceof HttpServletResponseImpl impl) {
            return impl;
        }
        throw new IllegalArgumentException("Not a response of this container: " + response);
    }
}
