package dev.pronto.servlet.response;

import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code encodeURL}/{@code encodeRedirectURL} (Servlet 6.1 §7.1.3): adds {@code ;jsessionid=ID} to the path of a URL
 * that leads back into this application when URL tracking is on, there is a session, and the client did not
 * present it in a cookie. Stateless.
 */
final class SessionUrlRewriter {

    /** §7.1.3: the path parameter's name is fixed, whatever the cookie is called. */
    static final String PARAMETER = "jsessionid";

    private SessionUrlRewriter() {
    }

    static String encode(HttpServletRequest request, String url) {
        if (url == null || !request.getServletContext().getEffectiveSessionTrackingModes()
                .contains(SessionTrackingMode.URL)) {
            return url;
        }
        HttpSession session = request.getSession(false);
        if (session == null || request.isRequestedSessionIdFromCookie() || !intoThisApplication(request, url)) {
            return url;
        }
        int pathEnd = pathEnd(url);
        if (url.lastIndexOf(";" + PARAMETER + "=", pathEnd) >= 0) {
            return url;
        }
        return url.substring(0, pathEnd) + ';' + PARAMETER + '=' + session.getId() + url.substring(pathEnd);
    }

    private static int pathEnd(String url) {
        int end = url.length();
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return end;
    }

    /**
     * A relative reference stays in the application; an absolute one (or a network-path {@code //host/…}) only when
     * its scheme, host and port are the request's and its path is under the context path. Never for other schemes
     * ({@code mailto:}, {@code javascript:}): the session id must not leak.
     */
    private static boolean intoThisApplication(HttpServletRequest request, String url) {
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (!hasScheme && !url.startsWith("//")) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(hasScheme ? url : request.getScheme() + ':' + url);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !scheme.equalsIgnoreCase(request.getScheme())
                || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
            return false;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String context = request.getContextPath();
        return port == request.getServerPort()
                && (context.isEmpty() || path.equals(context) || path.startsWith(context + '/'));
    }
}
