package dev.pronto.servlet.request;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.http.HttpDates;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only side of a request, straight from the exchange: method, protocol, headers, cookies, locales, body
 * length and trailers, ids, and (through {@link RequestAuthority}, made on first use) scheme, host, port and
 * addresses; and, for an application without security, nobody authenticated. Cookies and locales are parsed when
 * first asked for, then cached. The base of {@link HttpServletRequestImpl}, so the request stays one object; used by
 * the thread running the request.
 */
abstract class RequestHead implements HttpServletRequest {

    private static final Cookie[] NO_COOKIES = new Cookie[0];

    final HttpExchange exchange;
    private final ForwardedHeaders trustedProxies;
    private RequestAuthority authority;
    private Cookie[] cookies;
    private List<Locale> locales;

    /** @param trustedProxies the application's trusted proxies, or null when it trusts none */
    RequestHead(HttpExchange exchange, ForwardedHeaders trustedProxies) {
        this.exchange = exchange;
        this.trustedProxies = trustedProxies;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    private RequestAuthority authority() {
        if (authority == null) {
            authority = new RequestAuthority(exchange, trustedProxies);
        }
        return authority;
    }

    private HttpHeaders headers() {
        return exchange.requestHeaders();
    }

    @Override
    public StringBuffer getRequestURL() {
        return authority().requestURL(getRequestURI());
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
    public Map<String, String> getTrailerFields() {
        if (!isTrailerFieldsReady()) {
            throw new IllegalStateException("Trailer fields are not ready: the body has not been read");
        }
        HttpHeaders trailers = exchange.body().trailers();
        if (trailers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : trailers) {
            map.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + "," + b);
        }
        return map;
    }

    @Override
    public boolean isTrailerFieldsReady() {
        return exchange.body().isFinished();
    }

    // ---- connection: protocol, scheme, host, addresses ---------------------------------------------------------

    @Override
    public String getProtocol() {
        return exchange.version().text();
    }

    @Override
    public String getScheme() {
        return authority().scheme();
    }

    @Override
    public String getServerName() {
        return authority().serverName();
    }

    @Override
    public int getServerPort() {
        return authority().serverPort();
    }

    @Override
    public String getRemoteAddr() {
        return authority().remoteAddr();
    }

    @Override
    public String getRemoteHost() {
        return getRemoteAddr(); // never a reverse DNS lookup
    }

    @Override
    public int getRemotePort() {
        return authority().remotePort();
    }

    @Override
    public String getLocalName() {
        return getLocalAddr();
    }

    @Override
    public String getLocalAddr() {
        return authority().localAddr();
    }

    @Override
    public int getLocalPort() {
        return authority().localPort();
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

    // ---- headers, cookies, locales -----------------------------------------------------------------------------

    @Override
    public String getMethod() {
        return exchange.method().name();
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
        return Collections.enumeration(new LinkedHashSet<>(headers().names()));
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value.trim());
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
    public Cookie[] getCookies() {
        if (cookies == null) {
            List<String> values = headers().getAll(HttpHeaderNames.COOKIE);
            cookies = values.isEmpty() ? NO_COOKIES : CookieParser.parse(values);
        }
        return cookies.length == 0 ? null : cookies.clone();
    }

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

    // ---- security (§13.3): nobody is authenticated; SecuredHttpServletRequest serves applications with security ---

    @Override
    public String getAuthType() {
        return null;
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
}
