package dev.pronto.benchmarks.peers;

import java.util.Locale;

/**
 * A peer's command line: {@code [--port N] [--host ADDRESS] [--threads N] [--http2] [--tls]}.
 *
 * @param host    address to bind; loopback unless told otherwise, the harness only uses loopback
 * @param port    port to bind, 0 for an ephemeral one (tests)
 * @param threads event loops for peers that take it, 0 for the peer's own default
 * @param http2   also speak h2c on the port (prior knowledge and {@code Upgrade: h2c}), for peers that can
 * @param tls     HTTPS (HTTP/1.1) on the port with a self-signed certificate made at start, for peers that can;
 *                with {@code http2} as well, h2 or HTTP/1.1 over that TLS as ALPN negotiates
 */
public record PeerOptions(String host, int port, int threads, boolean http2, boolean tls) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public PeerOptions(String host, int port, int threads) {
        this(host, port, threads, false, false);
    }

    public PeerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0: " + threads);
        }
    }

    /** The same options with h2c on or off. */
    public PeerOptions withHttp2(boolean on) {
        return new PeerOptions(host, port, threads, on, tls);
    }

    /** The same options with TLS on or off. */
    public PeerOptions withTls(boolean on) {
        return new PeerOptions(host, port, threads, http2, on);
    }

    /** Options for an ephemeral loopback port, as tests want them. */
    public static PeerOptions ephemeral() {
        return new PeerOptions(DEFAULT_HOST, 0, 0);
    }

    /**
     * Parses {@code args}; {@code --threads} is accepted only when {@code takesThreads}.
     *
     * @throws IllegalArgumentException with a usage line when an argument is unknown or malformed
     */
    public static PeerOptions parse(String peer, boolean takesThreads, String... args) {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        int threads = 0;
        boolean http2 = false;
        boolean tls = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--http2") || flag.equals("--tls")) {
                http2 |= flag.equals("--http2");
                tls |= flag.equals("--tls");
                continue;
            }
            boolean known = flag.equals("--port") || flag.equals("--host")
                    || (takesThreads && flag.equals("--threads"));
            if (!known || i + 1 == args.length) {
                throw new IllegalArgumentException(usage(peer, takesThreads, flag));
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = parseInt(peer, takesThreads, flag, value);
                case "--host" -> host = value;
                default -> threads = parseInt(peer, takesThreads, flag, value);
            }
        }
        return new PeerOptions(host, port, threads, http2, tls);
    }

    private static int parseInt(String peer, boolean takesThreads, String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage(peer, takesThreads, flag + " " + value), e);
        }
    }

    private static String usage(String peer, boolean takesThreads, String offending) {
        return String.format(Locale.ROOT, "bad argument '%s'%nusage: java -jar peer-%s.jar [--port N (default %d)] "
                + "[--host ADDRESS (default %s)]%s [--http2 (also h2c)] [--tls (HTTPS; with --http2: h2 by ALPN)] (where the peer can)", offending, peer, DEFAULT_PORT, DEFAULT_HOST,
                takesThreads ? " [--threads N (default: available processors)]" : "");
    }
}
