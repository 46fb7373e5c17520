package dev.pronto.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a flag's text into a value, in the syntax Spring Boot's {@code server.*} properties use (durations
 * {@code 30s}, {@code 500ms}, {@code PT1M}; sizes {@code 10MB}, {@code 512KB}, {@code -1}), so an operator writes the
 * same value on the command line and in {@code application.properties}. A malformed value throws
 * {@link IllegalArgumentException} saying what was expected; range checks are left to the builders. Stateless.
 */
final class FlagValues {

    private static final Pattern DURATION = Pattern.compile("(-?\\d+)(ns|us|ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(-?\\d+)(B|KB|MB|GB|TB)?");

    private FlagValues() {
    }

    static int integer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    /** Boot's simple form ({@code 30s}, {@code 500ms}, {@code 2m}; no unit: milliseconds) or ISO-8601 ({@code PT30S}). */
    static Duration duration(String text) {
        String value = text.trim();
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches() && m.group(1).length() <= 12) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return switch (unit) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(amount * 1000);
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 500ms, 2m, PT1M)");
        }
    }

    /** Bytes, as Boot's {@code DataSize}: {@code 10MB}, {@code 512KB}, {@code 2048} (bytes); units of 1024. */
    static long size(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 18) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 2048, 512KB, 10MB, -1)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        int shift = switch (unit) {
            case "B" -> 0;
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 40;
        };
        try {
            return Math.multiplyExact(amount, 1L << shift);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    /** An int-sized size ({@link #size}), e.g. a header size. */
    static int intSize(String text) {
        long bytes = size(text);
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return (int) bytes;
    }

    static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    /** A constant of {@code type}, case-insensitive, {@code -} or {@code _} between words ({@code io-uring}). */
    static <E extends Enum<E>> E choice(Class<E> type, String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + choices(type));
    }

    /** {@code a|b|c}: the constants of {@code type} as a user writes them. */
    static String choices(Class<? extends Enum<?>> type) {
        return String.join("|", Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** A comma-separated list, blanks dropped. */
    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Path path(String text) {
        return Path.of(text);
    }

    /**
     * A secret: {@code env:NAME} reads the environment variable {@code NAME} (so the password is not in the
     * process list), anything else is the secret itself.
     */
    static String secret(String text) {
        if (!text.startsWith("env:")) {
            return text;
        }
        String value = System.getenv(text.substring(4));
        if (value == null) {
            throw new IllegalArgumentException("the environment variable " + text.substring(4) + " is not set");
        }
        return value;
    }
}
