package dev.pronto.runner;

import dev.pronto.container.ServerConfig;
import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.worker.RequestExecutor;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runner's command line, parsed and checked: the WARs (files or exploded directories) and the flags of
 * {@link RunnerFlags}, each mapped 1:1 to a builder setting. Immutable.
 *
 * @param server        the core settings (port, TLS, limits, timeouts …), already checked by {@code ServerConfig}
 * @param accessLog     the access log, or {@code null} when off
 * @param webApps       what every deployed application gets
 * @param workDirectory where WARs are unpacked; {@code null}: a directory of this run, deleted at stop
 */
public record RunnerOptions(List<Path> wars, ServerConfig server, RequestExecutor.Kind executorKind,
                            int maxConcurrency, AccessLogConfig accessLog, WebAppOptions webApps, Path workDirectory) {

    /** One line pointing at the full list; printed after every command-line mistake. */
    static final String SHORT_USAGE = "Usage: java -jar pronto-runner.jar app.war [other.war ...] [flags]"
            + " (--help lists the flags)";

    public RunnerOptions {
        wars = List.copyOf(wars);
    }

    /**
     * Parses {@code args} ({@code --flag value} or {@code --flag=value}, WARs anywhere); a mistake throws
     * {@link IllegalArgumentException} with a message for the user that names the flag.
     */
    public static RunnerOptions parse(String... args) {
        RunnerSettings settings = new RunnerSettings();
        Set<RunnerFlag> given = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                settings.wars.add(Path.of(arg));
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            RunnerFlag flag = RunnerFlags.find(name);
            if (flag == null) {
                throw new IllegalArgumentException("Unknown option " + name);
            }
            String value = eq < 0 ? null : arg.substring(eq + 1);
            if (flag.isSwitch() && value != null) {
                throw new IllegalArgumentException(name + " takes no value");
            }
            if (!flag.isSwitch() && value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(name + " needs a value: " + name + " " + flag.value());
                }
                value = args[++i];
            }
            try {
                flag.apply().accept(settings, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            given.add(flag);
        }
        if (settings.wars.isEmpty()) {
            throw new IllegalArgumentException("No WAR given");
        }
        try {
            return settings.options();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(attribute(e.getMessage(), given), e);
        }
    }

    /**
     * The builders name their setting first ({@code maxConnections must be positive: 0}); say which flag set it.
     */
    private static String attribute(String message, Set<RunnerFlag> given) {
        for (RunnerFlag flag : given) {
            if (message != null && message.startsWith(flag.member() + " ")) {
                return flag.name() + ": " + message;
            }
        }
        return message;
    }
}
