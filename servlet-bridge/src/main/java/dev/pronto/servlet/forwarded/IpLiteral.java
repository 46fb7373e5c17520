package dev.pronto.servlet.forwarded;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever asking DNS: dotted-quad IPv4 by hand, IPv6 only when the text has nothing
 * but hex digits, ':' and '.', so that {@link InetAddress} treats it as a literal. Stateless.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** The address of an IPv4 or IPv6 literal (IPv6 without brackets or zone), or null if it is not one. */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] v4 = ipv4(text);
        if (v4 != null) {
            try {
                return InetAddress.getByAddress(v4);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return text.indexOf(':') >= 0 && isIpv6Text(text) ? ipv6(text) : null;
    }

    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && part < 4) {
                bytes[part++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }

    private static boolean isIpv6Text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv6(String text) {
        try {
            // With a ':' inside brackets, the JDK parses a literal or fails; it never resolves a name.
            return InetAddress.getByName('[' + text + ']');
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
