package dev.pronto.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's command line: WAR files or directories, {@code --port N} (default 8080, 0 picks a free port) and
 * {@code --threads N} (I/O event loops, default the available processors), {@code --users FILE} (the users and
 * roles the applications' security constraints check, a {@code UserFileRealm} properties file; none by default),
 * {@code --session-store URI} ({@code memory}, the default, or {@code redis://host:port} to share sessions between
 * instances), {@code --trusted-proxies LIST} (comma-separated addresses or CIDR blocks whose {@code Forwarded} /
 * {@code X-Forwarded-*} headers are applied; none by default), {@code --http2} (h2c with prior knowledge on the
 * port). Immutable.
 */
public record RunnerOptions(List<Path> wars, int port, int threads, Path users, String sessionStore,
                            List<String> trustedProxies, boolean http2) {

    static final String USAGE = "Usage: java -jar pronto-runner.jar app.war [other.war ...] [--port N] [--threads N]"
            + " [--users FILE] [--session-store memory|redis://host:port] [--trusted-proxies 10.0.0.0/8,...] [--http2]";

    /** Parses {@code args}; a mistake throws {@link IllegalArgumentException} with a message for the user. */
    public static RunnerOptions parse(String... args) {
        List<Path> wars = new ArrayList<>();
        int port = 8080;
        int threads = Runtime.getRuntime().availableProcessors();
        Path users = null;
        String sessionStore = null;
        List<String> trustedProxies = List.of();
        boolean http2 = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = number(args, ++i, "--port", 0, 65535);
                case "--threads" -> threads = number(args, ++i, "--threads", 1, 1024);
                case "--http2" -> http2 = true;
                case "--users" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("--users needs a file. " + USAGE);
                    }
                    users = Path.of(args[i]);
                }
                case "--session-store" -> sessionStore = text(args, ++i, "--session-store");
                case "--trusted-proxies" -> trustedProxies = List.of(text(args, ++i, "--trusted-proxies").split(","));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option " + args[i] + ". " + USAGE);
                    }
                    wars.add(Path.of(args[i]));
                }
            }
        }
        if (wars.isEmpty()) {
            throw new IllegalArgumentException("No WAR given. " + USAGE);
        }
        return new RunnerOptions(List.copyOf(wars), port, threads, users, sessionStore, trustedProxies, http2);
    }

    private static String text(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value. " + USAGE);
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option, int min, int max) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a number. " + USAGE);
        }
        try {
            int value = Integer.parseInt(args[i]);
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + args[i] + "'. " + USAGE);
        }
    }
}
