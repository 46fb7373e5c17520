package dev.pronto.servlet.forwarded;

import java.net.InetAddress;

/**
 * A node as proxies report it (RFC 7239 §6, and {@code X-Forwarded-For} entries): an IPv4 or bracketed IPv6
 * address with an optional port, or an identifier that is not an address ({@code unknown}, {@code _hidden}).
 * Immutable.
 *
 * @param address the address, or null when the node is not one
 * @param port    the port, or -1 when absent or obfuscated
 */
record ForwardedNode(InetAddress address, int port) {

    private static final ForwardedNode UNKNOWN = new ForwardedNode(null, -1);

    static ForwardedNode parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String node = text.trim();
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                return UNKNOWN;
            }
            InetAddress address = IpLiteral.parse(node.substring(1, close));
            String rest = node.substring(close + 1);
            return new ForwardedNode(address, rest.startsWith(":") ? port(rest.substring(1)) : -1);
        }
        InetAddress bare = IpLiteral.parse(node); // an IPv4 address, or an IPv6 one some proxies send unbracketed
        if (bare != null) {
            return new ForwardedNode(bare, -1);
        }
        int colon = node.indexOf(':');
        if (colon > 0 && node.indexOf(':', colon + 1) < 0) {
            return new ForwardedNode(IpLiteral.parse(node.substring(0, colon)), port(node.substring(colon + 1)));
        }
        return UNKNOWN;
    }

    /** A port number 0-65535, else -1 (RFC 7239 §6.3 allows obfuscated ports like {@code _8080}). */
    static int port(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535 ? port : -1;
    }
}
