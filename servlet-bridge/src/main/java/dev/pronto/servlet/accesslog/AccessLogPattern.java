package dev.pronto.servlet.accesslog;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An access-log pattern in Tomcat's {@code AccessLogValve} syntax, parsed once into elements that append to a
 * line. Immutable, thread-safe. {@code common} and {@code combined} name the two standard formats.
 * <p>Codes: {@code %a} remote IP (after forwarded headers), {@code %h} remote host (the IP: no lookups), {@code %A}
 * local IP, {@code %p} local port, {@code %m} method, {@code %U} path, {@code %q} query (with {@code ?}),
 * {@code %H} protocol, {@code %r} request line, {@code %s} status, {@code %b} body bytes ({@code -} for none),
 * {@code %B} body bytes, {@code %t} time ({@code [dd/MMM/yyyy:HH:mm:ss Z]}), {@code %D} microseconds taken,
 * {@code %T} seconds taken, {@code %{ms}T} milliseconds taken, {@code %u} remote user, {@code %S} session id,
 * {@code %v} server name, {@code %I} thread, {@code %l} always {@code -}, {@code %%} a percent sign;
 * {@code %{name}i} request header, {@code %{name}o} response header, {@code %{name}c} cookie,
 * {@code %{name}r} request attribute.
 */
public final class AccessLogPattern {

    /** The Common Log Format. */
    public static final String COMMON = "%h %l %u %t \"%r\" %s %b";
    /** The Combined Log Format: common plus referer and user agent. */
    public static final String COMBINED = COMMON + " \"%{Referer}i\" \"%{User-Agent}i\"";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.US).withZone(ZoneId.systemDefault());

    /** One part of a line. */
    @FunctionalInterface
    interface Element {
        void append(StringBuilder line, AccessLogEntry entry);
    }

    private final String pattern;
    private final Element[] elements;

    private AccessLogPattern(String pattern, List<Element> elements) {
        this.pattern = pattern;
        this.elements = elements.toArray(new Element[0]);
    }

    /**
     * Parses {@code pattern} ({@code common}, {@code combined}, or codes as listed above).
     *
     * @throws IllegalArgumentException on an unknown code, naming it
     */
    public static AccessLogPattern parse(String pattern) {
        String expanded = switch (pattern) {
            case "common" -> COMMON;
            case "combined" -> COMBINED;
            default -> pattern;
        };
        List<Element> elements = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < expanded.length(); i++) {
            char c = expanded.charAt(i);
            if (c != '%' || i + 1 == expanded.length()) {
                literal.append(c);
                continue;
            }
            String argument = null;
            char code = expanded.charAt(++i);
            if (code == '{') {
                int close = expanded.indexOf('}', i);
                if (close < 0 || close + 1 == expanded.length()) {
                    throw new IllegalArgumentException("Unterminated %{...} in access log pattern: " + pattern);
                }
                argument = expanded.substring(i + 1, close);
                i = close + 1;
                code = expanded.charAt(i);
            }
            if (code == '%') {
                literal.append('%');
                continue;
            }
            if (!literal.isEmpty()) {
                String text = literal.toString();
                elements.add((line, entry) -> line.append(text));
                literal.setLength(0);
            }
            elements.add(argument == null ? simple(code, pattern) : withArgument(code, argument, pattern));
        }
        if (!literal.isEmpty()) {
            String text = literal.toString();
            elements.add((line, entry) -> line.append(text));
        }
        return new AccessLogPattern(pattern, elements);
    }

    private static Element simple(char code, String pattern) {
        return switch (code) {
            case 'a', 'h' -> (line, e) -> orDash(line, e.remoteAddr());
            case 'A' -> (line, e) -> orDash(line, e.localAddr());
            case 'p' -> (line, e) -> line.append(e.localPort());
            case 'm' -> (line, e) -> orDash(line, e.method());
            case 'U' -> (line, e) -> line.append(e.uri());
            case 'q' -> (line, e) -> {
                if (e.query() != null) {
                    line.append('?').append(e.query());
                }
            };
            case 'H' -> (line, e) -> line.append(e.protocol());
            case 'r' -> AccessLogPattern::requestLine;
            case 's' -> (line, e) -> line.append(e.status());
            case 'b' -> (line, e) -> {
                if (e.bytesSent() > 0) {
                    line.append(e.bytesSent());
                } else {
                    line.append('-');
                }
            };
            case 'B' -> (line, e) -> line.append(Math.max(0, e.bytesSent()));
            case 't' -> (line, e) -> TIME.formatTo(Instant.ofEpochMilli(e.startMillis()), line);
            case 'D' -> (line, e) -> line.append(e.elapsedNanos() / 1_000);
            case 'T' -> (line, e) -> line.append(e.elapsedNanos() / 1_000_000_000);
            case 'u' -> (line, e) -> orDash(line, e.remoteUser());
            case 'S' -> (line, e) -> orDash(line, e.sessionId());
            case 'v' -> (line, e) -> orDash(line, e.serverName());
            case 'I' -> (line, e) -> line.append(Thread.currentThread().getName());
            case 'l' -> (line, e) -> line.append('-');
            default -> throw new IllegalArgumentException("Unknown access log code %" + code + " in: " + pattern);
        };
    }

    private static Element withArgument(char code, String name, String pattern) {
        return switch (code) {
            case 'i' -> (line, e) -> orDash(line, e.requestHeader(name));
            case 'o' -> (line, e) -> orDash(line, e.responseHeader(name));
            case 'c' -> (line, e) -> orDash(line, e.cookie(name));
            case 'r' -> (line, e) -> {
                Object value = e.requestAttribute(name);
                orDash(line, value == null ? null : value.toString());
            };
            case 'T' -> {
                if (!"ms".equals(name)) {
                    throw new IllegalArgumentException("Unknown %{" + name + "}T in access log pattern: " + pattern);
                }
                yield (line, e) -> line.append(e.elapsedNanos() / 1_000_000);
            }
            default -> throw new IllegalArgumentException("Unknown access log code %{" + name + "}" + code
                    + " in: " + pattern);
        };
    }

    /** {@code METHOD path?query PROTOCOL}, or {@code -} for input that had no parseable request line. */
    private static void requestLine(StringBuilder line, AccessLogEntry e) {
        if (e.method() == null) {
            line.append('-');
            return;
        }
        line.append(e.method()).append(' ').append(e.uri());
        if (e.query() != null) {
            line.append('?').append(e.query());
        }
        line.append(' ').append(e.protocol());
    }

    private static void orDash(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            line.append('-');
        } else {
            escapeControls(line, value);
        }
    }

    /** Values come from the client: a CR or LF in them must not forge a second log line. */
    private static void escapeControls(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"') {
                line.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                line.append(c);
            }
        }
    }

    /** The line for {@code entry}, without a line end. */
    public String format(AccessLogEntry entry) {
        StringBuilder line = new StringBuilder(128);
        for (Element element : elements) {
            element.append(line, entry);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
