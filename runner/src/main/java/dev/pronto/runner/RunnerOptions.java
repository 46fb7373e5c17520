package dev.pronto.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's command line: WAR files or directories, {@code --port N} (default 8080, 0 picks a free port) and
 * {@code --threads N} (I/O event loops, default the available processors), {@code --users FILE} (the users and
 * roles the applications' security constraints check, a {@code UserFileRealm} properties file; none by default),
 * {@code --http2} (h2c with prior knowledge on the port). Immutable.
 */
public record RunnerOptions(List<Path> wars, int port, int threads, Path users, boolean http2) {

    static final String USAGE = "Usage: java -jar pronto-runner.jar app.war [other.war ...] [--port N] [--threads N]"
            + " [--users FILE] [--http2]";

    /** Parses {@code args}; a mistake throws {@link IllegalArgumentException} with a message for the user. */
    public static RunnerOptions parse(String... args) {
        List<Path> wars = new ArrayList<>();
        int port = 8080;
        int threads = Runtime.getRuntime().availableProcessors();
        Path users = null;
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
        return new RunnerOptions(List.copyOf(wars), port, threads, users, http2);
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
