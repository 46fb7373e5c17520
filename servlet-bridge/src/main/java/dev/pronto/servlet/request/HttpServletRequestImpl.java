package dev.pronto.servlet.request;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.security.RequestSecurity;
import dev.pronto.servlet.session.HttpSessionImpl;
import dev.pronto.servlet.upgrade.ServletUpgrade;
import io.netty.handler.codec.http.HttpMethod;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * {@code HttpServletRequest} as a lazy façade over the exchange and a few parts, each made on first use: the body and
 * its encoding ({@link RequestContent}), parameters ({@link RequestParameters}), the session ({@link
 * RequestedSession}), scheme/host/addresses ({@link RequestAuthority}), attributes ({@link RequestAttributes}); the
 * current paths and dispatcher type ({@link DispatchPaths}) always exist. Headers are read from Netty's header object.
 * Used by the thread running the request (one at a time, as the spec requires).
 */
public class HttpServletRequestImpl extends RequestHead {

    private final WebApplication app;
    private final DispatchPaths dispatch;
    private HttpServletResponse response;
    private AsyncSupport async;
    private RequestContent content;
    private RequestParameters parameters;
    private RequestedSession session;
    private RequestAttributes attributes;
    private ServletUpgrade upgrade;

    /** What a forward, include, error or async dispatch changes, saved to be put back afterwards. Immutable. */
    public record DispatchState(String requestURI, String queryString, String servletPath, String pathInfo,
                                HttpServletMapping mapping, DispatcherType type, ParameterOverlay parameters) {
    }

    public HttpServletRequestImpl(HttpExchange exchange, WebApplication app, String requestURI, String queryString) {
        super(exchange, app.forwardedHeaders());
        this.app = app;
        this.dispatch = new DispatchPaths(requestURI, queryString);
    }

    /** The container's response to this request: sessions add their cookie to it. */
    public void response(HttpServletResponse response) {
        this.response = response;
    }

    HttpServletResponse response() {
        return response;
    }

    public void async(AsyncSupport async) {
        this.async = async;
    }

    /** The request's async support; {@code null} when its REQUEST chain does not support async. */
    public AsyncSupport async() {
        return async;
    }

    public WebApplication app() {
        return app;
    }

    // ---- parts, each made on first use -------------------------------------------------------------------------

    RequestContent content() {
        if (content == null) {
            content = new RequestContent(this);
        }
        return content;
    }

    /** The ReadListener/WriteListener executor; null unless async started. */
    Executor listenerExecutor() {
        return async == null ? null : async.listenerExecutor();
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            parameters = new RequestParameters(this);
        }
        return parameters.map(dispatch.overlay());
    }

    /** The query string the request arrived with (dispatches change {@link #getQueryString}, not this). */
    String requestQuery() {
        return dispatch.requestQuery();
    }

    private RequestedSession session() {
        if (session == null) {
            session = new RequestedSession(this, app);
        }
        return session;
    }

    private RequestAttributes attributes() {
        if (attributes == null) {
            attributes = new RequestAttributes(this, app, exchange.tlsSession());
        }
        return attributes;
    }

    // ---- dispatch state (Servlet 6.1 §9) -----------------------------------------------------------------------

    /** Sets the path elements the mapping chose (and changes them for forwards and async dispatches). */
    public void paths(String servletPath, String pathInfo, HttpServletMapping mapping) {
        dispatch.paths(servletPath, pathInfo, mapping);
    }

    public void dispatcherType(DispatcherType type) {
        dispatch.type(type);
    }

    public DispatchState saveState() {
        return dispatch.save();
    }

    public void restoreState(DispatchState state) {
        dispatch.restore(state);
    }

    /** Puts back only the parameters of {@code state}: an async {@code dispatch()} sees what {@code startAsync} saw. */
    public void restoreParameters(DispatchState state) {
        dispatch.restoreParameters(state);
    }

    /** Points the request at a dispatch target; its query's parameters take precedence (Servlet 6.1 §9.1.1). */
    public void dispatchTo(String requestURI, String query, DispatcherType type) {
        dispatch.dispatchTo(requestURI, query, type, this::charset);
    }

    /** Adds an include's query parameters for its duration; nothing is parsed until a parameter is asked for. */
    public void includeQuery(String query) {
        dispatch.includeQuery(query, this::charset);
    }

    /** The body's charset for parameters (Servlet 6.1 §3.12); made without the body part unless one was set. */
    Charset charset() {
        return content != null ? content.charset()
                : RequestContent.lenientCharset(RequestContent.implicitEncoding(this));
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        return path == null ? null : app.context().getRequestDispatcher(dispatch.absolute(path));
    }

    @Override
    public DispatcherType getDispatcherType() {
        return dispatch.type();
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return dispatch.mapping();
    }

    @Override
    public String getPathInfo() {
        return dispatch.pathInfo();
    }

    @Override
    public String getPathTranslated() {
        String pathInfo = dispatch.pathInfo();
        return pathInfo == null ? null : app.context().getRealPath(pathInfo);
    }

    @Override
    public String getContextPath() {
        return app.contextPath();
    }

    @Override
    public String getQueryString() {
        return dispatch.queryString();
    }

    @Override
    public String getRequestURI() {
        return dispatch.requestURI();
    }

    @Override
    public String getServletPath() {
        return dispatch.servletPath();
    }

    @Override
    public ServletContext getServletContext() {
        return app.context();
    }

    // ---- attributes --------------------------------------------------------------------------------------------

    @Override
    public Object getAttribute(String name) {
        if (attributes == null && (name == null || !name.startsWith("jakarta.servlet.request."))) {
            return null; // no map for a request whose attributes nobody set
        }
        return attributes().get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return attributes().names();
    }

    @Override
    public void setAttribute(String name, Object o) {
        if (name == null) {
            throw new IllegalArgumentException("Attribute name must not be null");
        }
        if (o == null) {
            removeAttribute(name);
        } else {
            attributes().set(name, o);
        }
    }

    @Override
    public void removeAttribute(String name) {
        if (attributes != null && name != null) {
            attributes.remove(name);
        }
    }

    // ---- body, encoding, parameters, parts ---------------------------------------------------------------------

    @Override
    public String getCharacterEncoding() {
        return content != null ? content.characterEncoding() : RequestContent.implicitEncoding(this);
    }

    @Override
    public void setCharacterEncoding(String env) throws UnsupportedEncodingException {
        content().characterEncoding(env, parameters != null && parameters.parsed());
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        return content().inputStream();
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return content().reader();
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        return content().parts().all(charset());
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        return content().parts().get(name, charset());
    }

    /** Frees what the request holds past its servlet: a body chunk, the parts' temporary files. Called at its end. */
    public void release() throws IOException {
        if (content != null) {
            content.release();
        }
    }

    // ---- async -------------------------------------------------------------------------------------------------

    @Override
    public AsyncContext startAsync() {
        return requireAsync().startAsync();
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        return requireAsync().startAsync(servletRequest, servletResponse);
    }

    private AsyncSupport requireAsync() {
        if (async == null) {
            throw new IllegalStateException("Async is not supported by this request's servlet or filters");
        }
        return async;
    }

    @Override
    public boolean isAsyncStarted() {
        return async != null && async.isAsyncStarted();
    }

    @Override
    public boolean isAsyncSupported() {
        return async != null && async.isAsyncSupported();
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext context = async == null ? null : async.asyncContext();
        if (context == null) {
            throw new IllegalStateException("Async was not started on this request");
        }
        return context;
    }

    // ---- sessions (Servlet 6.1 §7) -----------------------------------------------------------------------------

    @Override
    public HttpSession getSession(boolean create) {
        return session().get(create);
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    /** The session this request joined or created, if any; its store commits it when the request ends. */
    public HttpSessionImpl sessionInUse() {
        return session == null ? null : session.inUse();
    }

    @Override
    public String changeSessionId() {
        return session().changeId();
    }

    @Override
    public String getRequestedSessionId() {
        return session().requestedId();
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return session().requestedIdValid();
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return session().fromCookie();
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return session().fromUrl();
    }

    /** The request's security state; null when the application configured no security (§13.3, see {@link RequestHead}). */
    public RequestSecurity security() {
        return null;
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
        if (upgrade != null) {
            throw new IllegalStateException("HttpServletRequest.upgrade was already called");
        }
        upgrade = ServletUpgrade.begin(exchange, handlerClass); // Servlet 6.1 §2.3.3.5; the 101 follows service()
        return handlerClass.cast(upgrade.handler());
    }

    /** The upgrade asked for by the application, or null. */
    public ServletUpgrade pendingUpgrade() {
        return upgrade;
    }

    @Override
    public String toString() {
        return "HttpServletRequest[" + getMethod() + ' ' + dispatch.requestURI() + ']';
    }
}
