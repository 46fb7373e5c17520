package dev.pronto.servlet.forwarded;

/**
 * What a trusted proxy said about the client's side of a request; each value null (or -1) when it was not
 * forwarded, so the request falls back to its own connection and Host header. Immutable.
 *
 * @param scheme     the client's scheme, lower case ({@code https})
 * @param host       the host the client asked for, without port (an IPv6 literal in brackets)
 * @param port       the port the client connected to
 * @param remoteAddr the client's address, as {@code getRemoteAddr} prints addresses
 * @param remotePort the client's port
 */
public record ForwardedValues(String scheme, String host, int port, String remoteAddr, int remotePort) {

    /** Nothing forwarded. */
    public static final ForwardedValues NONE = new ForwardedValues(null, null, -1, null, -1);
}
