package dev.pronto.benchmarks.peers;

import java.util.Locale;

/**
 * A peer's command line: {@code [--port N] [--host ADDRESS] [--threads N]}.
 *
 * @param host    address to bind; loopback unless told otherwise, the harness only uses loopback
 * @param port    port to bind, 0 for an ephemeral one (tests)
 * @param threads event loops for peers that take it, 0 for the peer's own default
 */
public record PeerOptions(String host, int port, int threads) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public PeerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0: " + threads);
        }
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
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
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
        return new PeerOptions(host, port, threads);
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
                + "[--host ADDRESS (default %s)]%s", offending, peer, DEFAULT_PORT, DEFAULT_HOST,
                takesThreads ? " [--threads N (default: available processors)]" : "");
    }
}
