package dev.pronto.container.http1;

import io.netty.util.AsciiString;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header (RFC 9110 §5.6.7 IMF-fixdate), formatted at most once a second and shared by every
 * connection of either protocol. Thread-safe: readers see either the old or the new immutable value.
 */
public final class HttpDateCache {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static volatile Entry current = format(System.currentTimeMillis() / 1000);

    private HttpDateCache() {
    }

    /** The current {@code date: …\r\n} line as bytes, for the encoder. */
    public static byte[] nowLine() {
        return now().line;
    }

    /** The current {@code Date} value, for HTTP/2 header blocks. */
    public static AsciiString nowValue() {
        return now().value;
    }

    private static Entry now() {
        Entry e = current;
        long second = System.currentTimeMillis() / 1000;
        if (e.second != second) {
            e = format(second);
            current = e;
        }
        return e;
    }

    private static Entry format(long second) {
        // RFC_1123_DATE_TIME prints single-digit days without the leading zero; IMF-fixdate needs two digits.
        String text = IMF_FIXDATE.format(Instant.ofEpochSecond(second));
        if (text.charAt(6) == ' ') {
            text = text.substring(0, 5) + '0' + text.substring(5);
        }
        return new Entry(second, EngineHeaderLines.line("date: " + text), new AsciiString(text));
    }

    private record Entry(long second, byte[] line, AsciiString value) {
    }
}
