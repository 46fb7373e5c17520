package dev.pronto.servlet.request;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.forwarded.ForwardedValues;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetSocketAddress;

/**
 * Who the request is for and from: scheme, server name and port from the {@code Host} header (never reverse DNS),
 * overridden by what a trusted proxy forwarded (RFC 7239, {@code X-Forwarded-*}), and the client and local
 * addresses. Resolved on first use, then cached. Part of {@link HttpServletRequestImpl}; used by the thread running
 * the request.
 */
final class RequestAuthority {

    private final HttpExchange exchange;
    private final ForwardedHeaders trusted;
    private ForwardedValues forwarded;
    private String[] hostAndPort;

    /** @param trusted the application's trusted proxies, or null when it trusts none */
    RequestAuthority(HttpExchange exchange, ForwardedHeaders trusted) {
        this.exchange = exchange;
        this.trusted = trusted;
    }

    /** What a trusted proxy forwarded (scheme, host, port, client); resolved when first asked for. */
    private ForwardedValues forwarded() {
        if (forwarded == null) {
            forwarded = trusted == null ? ForwardedValues.NONE
                    : trusted.resolve(exchange.requestHeaders(), exchange.remoteAddress());
        }
        return forwarded;
    }

    String scheme() {
        String forwardedScheme = forwarded().scheme();
        return forwardedScheme != null ? forwardedScheme : exchange.scheme();
    }

    String serverName() {
        String forwardedHost = forwarded().host();
        return forwardedHost != null ? forwardedHost : hostAndPort()[0];
    }

    int serverPort() {
        if (forwarded().port() > 0) {
            return forwarded().port();
        }
        String port = hostAndPort()[1];
        if (port != null) {
            try {
                return Integer.parseInt(port);
            } catch (NumberFormatException e) {
                return localPort();
            }
        }
        return exchange.requestHeaders().contains(HttpHeaderNames.HOST) ? ("https".equals(scheme()) ? 443 : 80)
                : localPort();
    }

    /** Scheme, authority (the port only when not the scheme's default) and {@code requestURI}. */
    StringBuffer requestURL(String requestURI) {
        StringBuffer url = new StringBuffer(64);
        String scheme = scheme();
        int port = serverPort();
        url.append(scheme).append("://").append(serverName());
        if (!("http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443)) {
            url.append(':').append(port);
        }
        return url.append(requestURI);
    }

    /** Host and port from the {@code Host} header; the local address when absent. */
    private String[] hostAndPort() {
        if (hostAndPort == null) {
            String host = exchange.requestHeaders().get(HttpHeaderNames.HOST);
            if (host == null || host.isEmpty()) {
                hostAndPort = new String[] {localAddr(), Integer.toString(localPort())};
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

    String remoteAddr() {
        if (forwarded().remoteAddr() != null) {
            return forwarded().remoteAddr();
        }
        InetSocketAddress remote = exchange.remoteAddress();
        return remote == null ? null : remote.getAddress().getHostAddress();
    }

    int remotePort() {
        if (forwarded().remotePort() >= 0) {
            return forwarded().remotePort();
        }
        InetSocketAddress remote = exchange.remoteAddress();
        return remote == null ? -1 : remote.getPort();
    }

    String localAddr() {
        InetSocketAddress local = exchange.localAddress();
        return local == null ? null : local.getAddress().getHostAddress();
    }

    int localPort() {
        InetSocketAddress local = exchange.localAddress();
        return local == null ? -1 : local.getPort();
    }
}
