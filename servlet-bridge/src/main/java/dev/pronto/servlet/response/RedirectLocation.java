package dev.pronto.servlet.response;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/** Turns a {@code sendRedirect} location into an absolute URL (Servlet 6.1 §5.5). Stateless. */
final class RedirectLocation {

    private RedirectLocation() {
    }

    static String absolute(HttpServletRequest request, String location) {
        if (hasScheme(location)) {
            return location;
        }
        StringBuilder base = new StringBuilder(64);
        base.append(request.getScheme()).append("://").append(hostAndPort(request));
        if (location.startsWith("//")) {
            return request.getScheme() + ":" + location; // network-path reference
        }
        if (location.startsWith("/")) {
            return base.append(location).toString();
        }
        // Relative to the current request URI, per RFC 3986 §5.2.
        String uri = request.getRequestURI();
        String resolved = URI.create(uri.substring(0, uri.lastIndexOf('/') + 1)).resolve(location.replace(" ", "%20"))
                .toString();
        return base.append(resolved).toString();
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
