package dev.pronto.servlet.response;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * Turns a {@code sendRedirect} location into the {@code Location} value (Servlet 6.1 §5.5): an absolute URL by
 * default; with relative redirects (like Tomcat's {@code useRelativeRedirects}) a reference without scheme and
 * authority, which RFC 9110 §10.2.2 allows, so that no internal host or port leaks. Stateless.
 */
final class RedirectLocation {

    private RedirectLocation() {
    }

    /**
     * @param relative whether to leave out scheme and authority; ignored for HTTP/1.0, whose Location must be an
     *                 absolute URI (RFC 1945 §10.11)
     */
    static String of(HttpServletRequest request, String location, boolean relative) {
        return relative && !"HTTP/1.0".equals(request.getProtocol()) ? relative(request, location)
                : absolute(request, location);
    }

    /** Absolute URLs and network-path references stay; a relative path becomes a path from the root. */
    static String relative(HttpServletRequest request, String location) {
        if (hasScheme(location) || location.startsWith("/")) {
            return location; // absolute URL, network-path ("//host/x") or absolute-path reference
        }
        return resolveAgainstRequestUri(request, location);
    }

    static String absolute(HttpServletRequest request, String location) {
        if (hasScheme(location)) {
            return location;
        }
        if (location.startsWith("//")) {
            return request.getScheme() + ":" + location; // network-path reference
        }
        StringBuilder base = new StringBuilder(64);
        base.append(request.getScheme()).append("://").append(hostAndPort(request));
        if (location.startsWith("/")) {
            return base.append(location).toString();
        }
        return base.append(resolveAgainstRequestUri(request, location)).toString();
    }

    /**
     * Servlet 6.1 §5.5: a location without a leading '/' is relative to the current request URI (RFC 3986 §5.2);
     * resolved here rather than by the client, whose base would be the original URL after a forward.
     */
    private static String resolveAgainstRequestUri(HttpServletRequest request, String location) {
        String uri = request.getRequestURI();
        return URI.create(uri.substring(0, uri.lastIndexOf('/') + 1)).resolve(location.replace(" ", "%20"))
                .toString();
    }

    private static String hostAndPort(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = '[' + host + ']';
        }
        int port = request.getServerPort();
        boolean defaultPort = port == 80 && "http".equals(request.getScheme())
                || port == 443 && "https".equals(request.getScheme());
        return defaultPort || port <= 0 ? host : host + ':' + port;
    }

    private static boolean hasScheme(String location) {
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c == ':') {
                return i > 0;
            }
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return false;
    }
}
