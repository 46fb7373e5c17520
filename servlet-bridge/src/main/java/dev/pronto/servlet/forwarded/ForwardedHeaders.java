package dev.pronto.servlet.forwarded;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which proxies' {@code Forwarded} (RFC 7239) and {@code X-Forwarded-*} headers are believed, and their resolution
 * to the client's scheme, host, port and address. Opt-in per web application. Immutable and thread-safe.
 */
public final class ForwardedHeaders {

    /** Loopback, private, link-local and shared address space: Tomcat's default {@code internalProxies}. */
    private static final String[] PRIVATE_NETWORKS = {
        "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10",
        "::1/128", "fc00::/7", "fe80::/10",
    };

    private final List<IpRange> trusted;

    private ForwardedHeaders(List<IpRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /**
     * Trusts proxies at these addresses or CIDR blocks ({@code "10.0.0.0/8"}, {@code "192.0.2.7"},
     * {@code "2001:db8::/32"}).
     *
     * @throws IllegalArgumentException for an entry that is not an address literal with an optional prefix length
     */
    public static ForwardedHeaders trusting(String... proxies) {
        List<IpRange> ranges = new ArrayList<>(proxies.length);
        for (String proxy : proxies) {
            ranges.add(IpRange.parse(proxy));
        }
        return new ForwardedHeaders(ranges);
    }

    /** Trusts loopback and private networks (IPv4 and IPv6), like Tomcat's {@code RemoteIpValve} by default. */
    public static ForwardedHeaders trustingPrivateNetworks() {
        return trusting(PRIVATE_NETWORKS);
    }

    /** Whether {@code address} is a trusted proxy. */
    public boolean isTrusted(InetAddress address) {
        for (IpRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the proxies say about the client's side; {@link ForwardedValues#NONE} unless {@code peer} is trusted.
     * The client is found by walking the {@code for} nodes (or {@code X-Forwarded-For} entries) from the right past
     * trusted proxies to the first address that is not trusted, or the leftmost, as Tomcat's {@code RemoteIpValve}
     * does; scheme and host are those of the client's hop. {@code Forwarded}, when present, wins over
     * {@code X-Forwarded-*}. An {@code X-Forwarded-Proto/Host/Port} list is read at the client's position when it has
     * one entry per {@code X-Forwarded-For} node, else its last entry (set by the proxy next to us) counts. Values
     * that are not well-formed schemes, hosts or ports are ignored.
     */
    public ForwardedValues resolve(HttpHeaders headers, InetSocketAddress peer) {
        if (peer == null || peer.getAddress() == null || !isTrusted(peer.getAddress())) {
            return ForwardedValues.NONE;
        }
        List<String> forwarded = headers.getAll("Forwarded");
        return forwarded.isEmpty() ? fromXForwarded(headers) : fromForwarded(forwarded);
    }

    private ForwardedValues fromForwarded(List<String> fieldValues) {
        List<Map<String, String>> elements = ForwardedElements.parse(fieldValues);
        if (elements.isEmpty()) {
            return ForwardedValues.NONE;
        }
        List<ForwardedNode> nodes = new ArrayList<>(elements.size());
        for (Map<String, String> element : elements) {
            nodes.add(ForwardedNode.parse(element.get("for")));
        }
        int client = clientIndex(nodes);
        Map<String, String> element = elements.get(client);
        return values(nodes, client, element.get("proto"), element.get("host"), null);
    }

    private ForwardedValues fromXForwarded(HttpHeaders headers) {
        List<ForwardedNode> nodes = new ArrayList<>();
        for (String entry : list(headers, "X-Forwarded-For")) {
            nodes.add(ForwardedNode.parse(entry));
        }
        int client = nodes.isEmpty() ? -1 : clientIndex(nodes);
        return values(nodes, client, pick(list(headers, "X-Forwarded-Proto"), client, nodes.size()),
                pick(list(headers, "X-Forwarded-Host"), client, nodes.size()),
                pick(list(headers, "X-Forwarded-Port"), client, nodes.size()));
    }

    /** From the right, past trusted proxies: the first node that is not a trusted address, or the leftmost. */
    private int clientIndex(List<ForwardedNode> nodes) {
        int i = nodes.size() - 1;
        while (i > 0 && nodes.get(i).address() != null && isTrusted(nodes.get(i).address())) {
            i--;
        }
        return i;
    }

    private static ForwardedValues values(List<ForwardedNode> nodes, int client, String proto, String host,
                                          String port) {
        String scheme = ForwardedHost.scheme(proto);
        ForwardedHost forwardedHost = ForwardedHost.parse(host);
        int serverPort = port != null ? ForwardedNode.port(port.trim()) : -1;
        if (serverPort <= 0 && forwardedHost != null) {
            serverPort = forwardedHost.port() > 0 ? forwardedHost.port()
                    : "https".equals(scheme) ? 443 : 80; // the scheme's default (RFC 9110 §4.2)
        }
        // A client reported as "unknown" or obfuscated: the proxy that reported it is the best address known.
        ForwardedNode remote = client < 0 ? null : nodes.get(client);
        if (remote != null && remote.address() == null) {
            remote = client + 1 < nodes.size() ? nodes.get(client + 1) : null;
        }
        return new ForwardedValues(scheme, forwardedHost == null ? null : forwardedHost.name(), serverPort,
                remote == null ? null : remote.address().getHostAddress(), remote == null ? -1 : remote.port());
    }

    /** The value for the client's hop: aligned with the nodes when there is one per node, else the last. */
    private static String pick(List<String> values, int client, int nodes) {
        if (values.isEmpty()) {
            return null;
        }
        return values.size() == nodes && client >= 0 ? values.get(client) : values.get(values.size() - 1);
    }

    /** The comma-separated entries of every line of a field, trimmed, empty ones dropped. */
    private static List<String> list(HttpHeaders headers, String name) {
        List<String> entries = new ArrayList<>(2);
        for (String line : headers.getAll(name)) {
            for (String entry : line.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    @Override
    public String toString() {
        List<String> blocks = new ArrayList<>(trusted.size());
        for (IpRange range : trusted) {
            try {
                blocks.add(InetAddress.getByAddress(range.network()).getHostAddress() + '/' + range.prefix());
            } catch (java.net.UnknownHostException e) {
                blocks.add("?");
            }
        }
        return "ForwardedHeaders trusting " + String.join(", ", blocks);
    }
}
