package dev.pronto.servlet.forwarded;

import java.util.Locale;

/**
 * A forwarded {@code host} (RFC 7239 §5.3, the Host field's {@code uri-host [":" port]}) checked to be a plain
 * registered name or an IP literal, so that nothing a proxy relays can bend an absolute redirect elsewhere; and
 * forwarded schemes. Immutable.
 *
 * @param name the host name, or a bracketed IPv6 literal
 * @param port the port, or -1 if none was given
 */
record ForwardedHost(String name, int port) {

    /** The host and port of {@code value}, or null if it is not a well-formed host. */
    static ForwardedHost parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        String name;
        String rest;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0 || IpLiteral.parse(v.substring(1, close)) == null) {
                return null;
            }
            name = v.substring(0, close + 1);
            rest = v.substring(close + 1);
        } else {
            int colon = v.indexOf(':');
            name = colon < 0 ? v : v.substring(0, colon);
            rest = colon < 0 ? "" : v.substring(colon);
            if (!isRegName(name)) {
                return null;
            }
        }
        if (rest.isEmpty()) {
            return new ForwardedHost(name, -1);
        }
        int port = rest.charAt(0) == ':' ? ForwardedNode.port(rest.substring(1)) : -1;
        return port > 0 ? new ForwardedHost(name, port) : null;
    }

    /** Letters, digits, '-', '.', '_' and '~' (RFC 3986 unreserved); no '@', '/', '%' or spaces. */
    private static boolean isRegName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A forwarded scheme in lower case (RFC 3986 §3.1 syntax), or null. */
    static String scheme(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.charAt(0) < 'a' || v.charAt(0) > 'z') {
            return null;
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return null;
            }
        }
        return v;
    }
}
