package dev.pronto.servlet.request;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.RequestBodyException;
import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.forwarded.ForwardedValues;
import dev.pronto.servlet.multipart.MultipartParts;
import dev.pronto.servlet.multipart.MultipartSizeException;
import dev.pronto.servlet.response.HttpDates;
import dev.pronto.servlet.response.HttpServletResponseImpl;
import dev.pronto.servlet.security.RequestSecurity;
import dev.pronto.servlet.session.HttpSessionImpl;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSession;
import java.util.concurrent.Executor;

/**
 * {@code HttpServletRequest} as a lazy view over the exchange: headers are read from Netty's header object; query
 * and form parameters, cookies, locales, attributes and the session are built only when first asked for, then
 * cached. Used by the thread running the request (one at a time, as the spec requires).
 */
public class HttpServletRequestImpl implements HttpServletRequest {

    private static final Cookie[] NO_COOKIES = new Cookie[0];

    private final HttpExchange exchange;
    private final WebApplication app;
    private String requestURI;
    private String queryString;
    /** The query string the request arrived with; dispatches change {@link #queryString}, not this. */
    private final String requestQuery;
    private HttpServletResponseImpl response;
    private DispatcherType dispatcherType = DispatcherType.REQUEST;
    private String servletPath = "";
    private String pathInfo;
    private HttpServletMapping mapping;
    private Map<String, Object> attributes;
    /** True once the TLS attributes were looked up (or found absent): they are added at most once. */
    private boolean tlsAttributesLoaded;
    /** The request's own parameters (query string and body), parsed on first use. */
    private Map<String, String[]> ownParameters;
    /** The queries of the dispatches in progress, on top of {@link #ownParameters}; null for none. */
    private ParameterOverlay parameterOverlay;
    private Cookie[] cookies;
    private List<Locale> locales;
    private String characterEncoding;
    private ServletInputStreamImpl inputStream;
    private BufferedReader reader;
    private HttpSessionImpl session;
    private boolean sessionResolved;
    private String requestedSessionId;
    private SessionIdSource requestedSessionIdSource = SessionIdSource.NONE;
    private String[] hostAndPort;
    private AsyncSupport async;
    private MultipartParts parts;
    private ForwardedValues forwarded;

    /** What the async layer offers the request: the spec's async entry points, implemented elsewhere. */
    public interface AsyncSupport {
        boolean isAsyncSupported();

        /** Narrows (or restores) async support for the chain now running; returns the previous value. */
        boolean asyncSupported(boolean supported);

        boolean isAsyncStarted();

        AsyncContext startAsync();

        AsyncContext startAsync(ServletRequest request, ServletResponse response);

        AsyncContext asyncContext();

        /** Runs ReadListener/WriteListener callbacks one at a time on a container thread; null unless async started. */
        Executor listenerExecutor();
    }

    public HttpServletRequestImpl(HttpExchange exchange, WebApplication app, String requestURI, String queryString) {
        this.exchange = exchange;
        this.app = app;
        this.requestURI = requestURI;
        this.queryString = queryString;
        this.requestQuery = queryString;
    }

    public void response(HttpServletResponseImpl response) {
        this.response = response;
    }

    public void async(AsyncSupport async) {
        this.async = async;
    }

    /** The request's async support; {@code null} when its REQUEST chain does not support async. */
    public AsyncSupport async() {
        return async;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public WebApplication app() {
        return app;
    }

    /** Sets the path elements the mapping chose (and changes them for forwards and async dispatches). */
    public void paths(String servletPath, String pathInfo, HttpServletMapping mapping) {
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.mapping = mapping;
    }

    public void dispatcherType(DispatcherType type) {
        this.dispatcherType = type;
    }

    /** What a forward, include, error or async dispatch changes, saved to be put back afterwards. Immutable. */
    public record DispatchState(String requestURI, String queryString, String servletPath, String pathInfo,
                                HttpServletMapping mapping, DispatcherType type, ParameterOverlay parameters) {
    }

    public DispatchState saveState() {
        return new DispatchState(requestURI, queryString, servletPath, pathInfo, mapping, dispatcherType,
                parameterOverlay);
    }

    public void restoreState(DispatchState state) {
        requestURI = state.requestURI();
        queryString = state.queryString();
        servletPath = state.servletPath();
        pathInfo = state.pathInfo();
        mapping = state.mapping();
        dispatcherType = state.type();
        parameterOverlay = state.parameters();
    }

    /** Puts back only the parameters of {@code state}: an async {@code dispatch()} sees what {@code startAsync} saw. */
    public void restoreParameters(DispatchState state) {
        parameterOverlay = state.parameters();
    }

    /**
     * Points the request at a dispatch target: new URI and, when the target has a query, new parameters that
     * take precedence over the old ones (Servlet 6.1 §9.1.1).
     */
    public void dispatchTo(String requestURI, String query, DispatcherType type) {
        this.requestURI = requestURI;
        this.dispatcherType = type;
        if (query != null && !query.isEmpty()) {
            this.queryString = query;
            includeQuery(query);
        }
    }

    /**
     * Adds the parameters of an include's query to the current ones for the include's duration; nothing is parsed
     * (and no body read) until a parameter is asked for.
     */
    public void includeQuery(String query) {
        if (query != null && !query.isEmpty()) {
            parameterOverlay = new ParameterOverlay(parameterOverlay, query, charset());
        }
    }

    private HttpHeaders headers() {
        return exchange.requestHeaders();
    }

    // ---- attributes ------------------------------------------------------------------------------------------

    @Override
    public Object getAttribute(String name) {
        Object value = attributes == null ? null : attributes.get(name);
        if (value == null && !tlsAttributesLoaded && name != null && name.startsWith("jakarta.servlet.request.")) {
            loadTlsAttributes();
            value = attributes == null ? null : attributes.get(name);
        }
        return value;
    }

    /** Servlet 6.1 §3.10: the TLS attributes exist on a secure connection; read from its session when first asked. */
    private void loadTlsAttributes() {
        tlsAttributesLoaded = true;
        SSLSession session = exchange.tlsSession();
        if (session == null) {
            return;
        }
        if (attributes == null) {
            attributes = new ConcurrentHashMap<>();
        }
        TlsRequestAttributes.of(session).forEach(attributes::putIfAbsent);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        if (!tlsAttributesLoaded) {
            loadTlsAttributes();
        }
        return attributes == null ? Collections.emptyEnumeration()
                : Collections.enumeration(List.copyOf(attributes.keySet()));
    }

    @Override
    public void setAttribute(String name, Object o) {
        if (name == null) {
            throw new IllegalArgumentException("Attribute name must not be null");
        }
        if (o == null) {
            removeAttribute(name);
            return;
        }
        if (attributes == null) {
            attributes = new ConcurrentHashMap<>();
        }
        Object old = attributes.put(name, o);
        List<ServletRequestAttributeListener> listeners = app.listeners().requestAttributes;
        if (!listeners.isEmpty()) {
            ServletRequestAttributeEvent event = new ServletRequestAttributeEvent(app.context(), this, name,
                    old == null ? o : old);
            for (ServletRequestAttributeListener l : listeners) {
                if (old == null) {
                    l.attributeAdded(event);
                } else {
                    l.attributeReplaced(event);
                }
            }
        }
    }

    @Override
    public void removeAttribute(String name) {
        if (attributes == null || name == null) {
            return;
        }
        Object old = attributes.remove(name);
        List<ServletRequestAttributeListener> listeners = app.listeners().requestAttributes;
        if (old != null && !listeners.isEmpty()) {
            ServletRequestAttributeEvent event = new ServletRequestAttributeEvent(app.context(), this, name, old);
            for (ServletRequestAttributeListener l : listeners) {
                l.attributeRemoved(event);
            }
        }
    }

    // ---- character encoding and body ---------------------------------------------------------------------------

    @Override
    public String getCharacterEncoding() {
        if (characterEncoding != null) {
            return characterEncoding;
        }
        String fromHeader = ContentTypes.charset(getContentType());
        if (fromHeader != null) {
            return fromHeader;
        }
        return app.context().getRequestCharacterEncoding();
    }

    /** The body's charset for parameters: request, then context default, then UTF-8 (Servlet 6.1 §3.12). */
    Charset charset() {
        try {
            return readerCharset();
        } catch (UnsupportedEncodingException e) {
            return StandardCharsets.UTF_8; // parameters are decoded leniently; only getReader refuses
        }
    }

    @Override
    public void setCharacterEncoding(String env) throws UnsupportedEncodingException {
        if (reader != null || ownParameters != null) {
            return; // §3.12: no effect once the body was read through a reader or parameters
        }
        if (env != null) {
            try {
                Charset.forName(env);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnsupportedEncodingException(env);
            }
        }
        characterEncoding = env;
    }

    @Override
    public int getContentLength() {
        long length = getContentLengthLong();
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public long getContentLengthLong() {
        String value = headers().get(HttpHeaderNames.CONTENT_LENGTH);
        return value == null ? -1 : Long.parseLong(value);
    }

    @Override
    public String getContentType() {
        return headers().get(HttpHeaderNames.CONTENT_TYPE);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called for this request");
        }
        return stream();
    }

    private ServletInputStreamImpl stream() {
        if (inputStream == null) {
            inputStream = new ServletInputStreamImpl(exchange.body(), app.blockingTimeoutMillis(),
                    () -> async == null ? null : async.listenerExecutor());
        }
        return inputStream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            if (inputStream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            reader = new BufferedReader(new InputStreamReader(stream(), readerCharset()));
        }
        return reader;
    }

    /** {@code getReader}'s charset: a named one the JVM lacks is the client's error (§3.12), never a silent UTF-8. */
    private Charset readerCharset() throws UnsupportedEncodingException {
        String name = getCharacterEncoding();
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }

    // ---- parameters ---------------------------------------------------------------------------------------------

    /** The parameters the current dispatch sees: its queries' over the request's own. */
    private Map<String, String[]> parameters() {
        return parameterOverlay == null ? ownParameters() : parameterOverlay.resolve(this::ownParameters);
    }

    /**
     * Parses the query string and (per §3.1.1) the form body on first use. A form over {@code maxFormSize} fails
     * the first call with a 413 {@link RequestBodyException} as the cause, multipart fields over it with a
     * {@link MultipartSizeException}; later calls (an error page's) get the query parameters. A multipart body that
     * cannot be parsed never fails here: {@code getParts} reports it, as with Tomcat.
     */
    private Map<String, String[]> ownParameters() {
        if (ownParameters != null) {
            return ownParameters;
        }
        ParameterParser parser = new ParameterParser();
        Charset charset = charset();
        if (requestQuery != null) {
            parser.addQueryString(requestQuery, charset);
        }
        RuntimeException failure = null;
        if (isFormPost()) {
            try {
                byte[] form = FormBodyReader.read(stream(), getContentLengthLong(), app.maxFormSize());
                parser.addForm(form, 0, form.length, charset);
            } catch (IOException e) {
                failure = new IllegalStateException("Cannot read the form parameters: " + e.getMessage(), e);
            }
        }
        Map<String, String[]> own = parser.toMap();
        if (isMultipartPost()) {
            try {
                own = withMultipartFields(own, charset);
            } catch (MultipartSizeException e) {
                failure = e; // the fields are over maxFormSize: 413 unless handled
            }
        }
        ownParameters = Collections.unmodifiableMap(own);
        if (failure != null) {
            throw failure;
        }
        return ownParameters;
    }

    /** §3.2: a POST to a servlet with a multipart config also has its non-file parts as parameters. */
    private boolean isMultipartPost() {
        return HttpMethod.POST.equals(exchange.method()) && MultipartParts.isFormData(getContentType())
                && (parts != null || inputStream == null) && parts().isConfigured();
    }

    /**
     * The query parameters and the multipart fields; only the query's if the body cannot be parsed, a failure
     * {@code getParts} reports (as Tomcat does).
     *
     * @throws MultipartSizeException when the field values together exceed {@code maxFormSize}
     */
    private Map<String, String[]> withMultipartFields(Map<String, String[]> query, Charset charset) {
        Map<String, List<String>> fields;
        try {
            parts().all(charset);
            fields = parts().fields(charset, app.maxFormSize());
        } catch (MultipartSizeException e) {
            if (parts().failed()) {
                return query;
            }
            throw e;
        } catch (IOException | ServletException | RuntimeException e) {
            return query;
        }
        Map<String, String[]> merged = new java.util.LinkedHashMap<>(query);
        fields.forEach((name, values) -> merged.merge(name, values.toArray(new String[0]),
                ParameterOverlay::concat));
        return merged;
    }

    private boolean isFormPost() {
        // §3.1.1: a POST with a form content type whose body was not already read by the servlet
        return HttpMethod.POST.equals(exchange.method()) && inputStream == null
                && ContentTypes.hasMediaType(getContentType(), "application/x-www-form-urlencoded");
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

    // ---- multipart (Servlet 6.1 §3.2) ----------------------------------------------------------------------------

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        return parts().all(charset());
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        return parts().get(name, charset());
    }

    /** The parts, parsed on first use with the multipart config of the servlet then handling the request. */
    private MultipartParts parts() {
        if (parts == null) {
            parts = new MultipartParts(app.context(), this::multipartConfig, getContentType(), getContentLengthLong(),
                    this::stream);
        }
        return parts;
    }

    private MultipartConfigElement multipartConfig() {
        ServletHolder holder = mapping == null ? null : app.servlet(mapping.getServletName());
        return holder == null ? null : holder.getMultipartConfig();
    }

    /** Frees what the request holds past its servlet: a body chunk, the parts' temporary files. Called at its end. */
    public void release() throws IOException {
        if (inputStream != null) {
            inputStream.close(); // the chunk in hand, if the body was not read to its end
        }
        if (parts != null) {
            parts.delete();
        }
    }

    // ---- protocol, addresses, host -------------------------------------------------------------------------------

    @Override
    public String getProtocol() {
        return exchange.version().text();
    }

    /** What a trusted proxy forwarded (scheme, host, port, client); resolved when first asked for, then cached. */
    private ForwardedValues forwarded() {
        if (forwarded == null) {
            ForwardedHeaders trusted = app.forwardedHeaders();
            forwarded = trusted == null ? ForwardedValues.NONE : trusted.resolve(headers(), exchange.remoteAddress());
        }
        return forwarded;
    }

    @Override
    public String getScheme() {
        String forwardedScheme = forwarded().scheme();
        return forwardedScheme != null ? forwardedScheme : exchange.scheme();
    }

    @Override
    public String getServerName() {
        String forwardedHost = forwarded().host();
        return forwardedHost != null ? forwardedHost : hostAndPort()[0];
    }

    @Override
    public int getServerPort() {
        if (forwarded().port() > 0) {
            return forwarded().port();
        }
        String port = hostAndPort()[1];
        if (port != null) {
            try {
                return Integer.parseInt(port);
            } catch (NumberFormatException e) {
                return getLocalPort();
            }
        }
        return headers().contains(HttpHeaderNames.HOST) ? ("https".equals(getScheme()) ? 443 : 80) : getLocalPort();
    }

    /** Host and port from the {@code Host} header (never reverse DNS); the local address when absent. */
    private String[] hostAndPort() {
        if (hostAndPort == null) {
            String host = headers().get(HttpHeaderNames.HOST);
            if (host == null || host.isEmpty()) {
                hostAndPort = new String[] {getLocalAddr(), Integer.toString(getLocalPort())};
            } else if (host.startsWith("[")) {
                int close = host.indexOf(']');
                String port = close + 1 < host.length() && host.charAt(close + 1) == ':' ? host.substring(close + 2)
                        : null;
                hostAndPort = new String[] {host.substring(0, close + 1), port};
            } else {
                int colon = host.lastIndexOf(':');
                hostAndPort = colon < 0 ? new String[] {host, null}
                        : new String[] {host.substring(0, colon), host.substring(colon + 1)};
            }
        }
        return hostAndPort;
    }

    @Override
    public String getRemoteAddr() {
        if (forwarded().remoteAddr() != null) {
            return forwarded().remoteAddr();
        }
        InetSocketAddress remote = exchange.remoteAddress();
        return remote == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public String getRemoteHost() {
        return getRemoteAddr(); // never a reverse DNS lookup
    }

    @Override
    public int getRemotePort() {
        if (forwarded().remotePort() >= 0) {
            return forwarded().remotePort();
        }
        InetSocketAddress remote = exchange.remoteAddress();
        return remote == null ? -1 : remote.getPort();
    }

    @Override
    public String getLocalName() {
        return getLocalAddr();
    }

    @Override
    public String getLocalAddr() {
        InetSocketAddress local = exchange.localAddress();
        return local == null ? null : local.getAddress().getHostAddress();
    }

    @Override
    public int getLocalPort() {
        InetSocketAddress local = exchange.localAddress();
        return local == null ? -1 : local.getPort();
    }

    @Override
    public boolean isSecure() {
        return "https".equals(getScheme());
    }

    @Override
    public String getRequestId() {
        return exchange.connectionId() + '-' + exchange.requestNumber();
    }

    @Override
    public String getProtocolRequestId() {
        return ""; // HTTP/1.1 has no protocol-level request id
    }

    @Override
    public ServletConnection getServletConnection() {
        return new ServletConnectionImpl(exchange.connectionId(), exchange.tlsSession() != null);
    }

    // ---- locales ----------------------------------------------------------------------------------------------

    private List<Locale> locales() {
        if (locales == null) {
            List<Locale> parsed = AcceptLanguage.parse(headers().getAll(HttpHeaderNames.ACCEPT_LANGUAGE));
            locales = parsed.isEmpty() ? List.of(Locale.getDefault()) : parsed;
        }
        return locales;
    }

    @Override
    public Locale getLocale() {
        return locales().get(0);
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(locales());
    }

    // ---- dispatch and async ---------------------------------------------------------------------------------------

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("/")) {
            return app.context().getRequestDispatcher(path);
        }
        // §9.1.1: relative to the current servlet path plus path info
        String current = servletPath + (pathInfo == null ? "" : pathInfo);
        int slash = current.lastIndexOf('/');
        String base = slash < 0 ? "/" : current.substring(0, slash + 1);
        return app.context().getRequestDispatcher(base + path);
    }

    @Override
    public ServletContext getServletContext() {
        return app.context();
    }

    @Override
    public AsyncContext startAsync() {
        if (async == null) {
            throw new IllegalStateException("Async is not supported by this request's servlet or filters");
        }
        return async.startAsync();
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        if (async == null) {
            throw new IllegalStateException("Async is not supported by this request's servlet or filters");
        }
        return async.startAsync(servletRequest, servletResponse);
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

    @Override
    public DispatcherType getDispatcherType() {
        return dispatcherType;
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------------

    /** Nobody is authenticated in an application without security ({@link SecuredHttpServletRequest} otherwise). */
    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public Cookie[] getCookies() {
        if (cookies == null) {
            List<String> values = headers().getAll(HttpHeaderNames.COOKIE);
            cookies = values.isEmpty() ? NO_COOKIES : CookieParser.parse(values);
        }
        return cookies.length == 0 ? null : cookies.clone();
    }

    @Override
    public long getDateHeader(String name) {
        String value = getHeader(name);
        if (value == null) {
            return -1;
        }
        long date = HttpDates.parse(value);
        if (date < 0) {
            throw new IllegalArgumentException("Not an HTTP date: " + value);
        }
        return date;
    }

    @Override
    public String getHeader(String name) {
        return headers().get(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers().getAll(name));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Set<String> names = new LinkedHashSet<>(headers().names());
        return Collections.enumeration(names);
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value.trim());
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return mapping;
    }

    @Override
    public String getMethod() {
        return exchange.method().name();
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public String getPathTranslated() {
        return pathInfo == null ? null : app.context().getRealPath(pathInfo);
    }

    @Override
    public String getContextPath() {
        return app.contextPath();
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public String getRequestURI() {
        return requestURI;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(64);
        String scheme = getScheme();
        int port = getServerPort();
        url.append(scheme).append("://").append(getServerName());
        if (!("http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443)) {
            url.append(':').append(port);
        }
        return url.append(requestURI);
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    // ---- sessions ------------------------------------------------------------------------------------------------------

    @Override
    public String getRequestedSessionId() {
        resolveSession();
        return requestedSessionId;
    }

    /** Where the session id the client sent came from. */
    private enum SessionIdSource { NONE, COOKIE, URL }

    /**
     * Finds the session the client names (once), marking it accessed (Servlet 6.1 §7.6): in its cookie first, else
     * in a {@code ;jsessionid=} path parameter of the request-target when URL tracking is on (§7.1.3).
     */
    private void resolveSession() {
        if (sessionResolved) {
            return;
        }
        sessionResolved = true;
        if (app.context().tracksSessionsByCookie() && joinFromCookies()) {
            return;
        }
        if (requestedSessionId == null && app.context().tracksSessionsByUrl()) {
            String id = RequestPathNormalizer.pathParameter(exchange.target(), "jsessionid");
            if (id != null && !id.isEmpty()) {
                requestedSessionId = id;
                requestedSessionIdSource = SessionIdSource.URL;
                join(id);
            }
        }
    }

    private boolean joinFromCookies() {
        String name = app.sessionCookieConfig().getName();
        Cookie[] all = getCookies();
        if (all == null) {
            return false;
        }
        for (Cookie cookie : all) {
            if (cookie.getName().equals(name)) {
                requestedSessionId = cookie.getValue();
                requestedSessionIdSource = SessionIdSource.COOKIE;
                if (join(cookie.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean join(String id) {
        HttpSessionImpl found = app.sessions().findSession(id);
        if (found == null) {
            return false;
        }
        found.access();
        found.markJoined();
        session = found;
        return true;
    }

    @Override
    public HttpSession getSession(boolean create) {
        resolveSession();
        if (session != null && session.isValid()) {
            return session;
        }
        session = null;
        if (!create) {
            return null;
        }
        if (response.isCommitted()) {
            throw new IllegalStateException("Cannot create a session after the response was committed");
        }
        session = app.sessions().createSession();
        if (app.context().tracksSessionsByCookie()) {
            response.addCookie(app.sessionCookieConfig().newSessionCookie(session.getId(), app.contextPath(),
                    isSecure()));
        }
        return session;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    /** The session this request joined or created, if any; its store commits it when the request ends. */
    public HttpSessionImpl sessionInUse() {
        return session;
    }

    @Override
    public String changeSessionId() {
        HttpSession current = getSession(false);
        if (current == null) {
            throw new IllegalStateException("No session to change the id of");
        }
        String id = app.sessions().changeSessionId(session);
        if (app.context().tracksSessionsByCookie()) {
            response.addCookie(app.sessionCookieConfig().newSessionCookie(id, app.contextPath(), isSecure()));
        }
        return id;
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        resolveSession();
        return requestedSessionId != null && session != null && session.isValid()
                && requestedSessionId.equals(session.getId());
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        resolveSession();
        return requestedSessionIdSource == SessionIdSource.COOKIE;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        resolveSession();
        return requestedSessionIdSource == SessionIdSource.URL;
    }

    // ---- security (Servlet 6.1 §13.3): none here; SecuredHttpServletRequest serves applications that have some ------

    /** The request's security state; null when the application configured no security. */
    public RequestSecurity security() {
        return null;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        throw new ServletException("authenticate: the application has no login-config");
    }

    @Override
    public void login(String username, String password) throws ServletException {
        throw new ServletException("login: the application has no realm");
    }

    @Override
    public void logout() throws ServletException {
        // nobody is logged in
    }

    // ---- not supported yet ------------------------------------------------------------------------------------------------

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
        throw new UnsupportedOperationException("HttpServletRequest.upgrade: protocol upgrade is not supported");
    }

    @Override
    public Map<String, String> getTrailerFields() {
        if (!isTrailerFieldsReady()) {
            throw new IllegalStateException("Trailer fields are not ready: the body has not been read");
        }
        HttpHeaders trailers = exchange.body().trailers();
        if (trailers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : trailers) {
            map.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + "," + b);
        }
        return map;
    }

    @Override
    public boolean isTrailerFieldsReady() {
        return exchange.body().isFinished();
    }

    @Override
    public String toString() {
        return "HttpServletRequest[" + getMethod() + ' ' + requestURI + ']';
    }
}
