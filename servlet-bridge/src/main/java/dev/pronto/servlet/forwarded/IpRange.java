package dev.pronto.servlet.forwarded;

import java.net.InetAddress;

/**
 * An address block in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}) or a single address. IPv4 blocks match
 * IPv4 addresses (IPv4-mapped IPv6 ones arrive as IPv4), IPv6 blocks IPv6 ones. Immutable.
 */
record IpRange(byte[] network, int prefix) {

    /**
     * @throws IllegalArgumentException if {@code cidr} is not an address literal with an optional prefix length
     */
    static IpRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR block: " + cidr);
        }
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
        }
        return new IpRange(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
