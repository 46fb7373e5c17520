package dev.pronto.container.http1;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header line (RFC 9110 §5.6.7 IMF-fixdate), formatted at most once a second and shared by
 * every connection. Thread-safe: readers see either the old or the new immutable value.
 */
public final class HttpDateCache {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static volatile Entry current = format(System.currentTimeMillis() / 1000);

    private HttpDateCache() {
    }

    /** The current {@code date: …\r\n} line as bytes, for the encoder. */
    public static byte[] nowLine() {
        Entry e = current;
        long second = System.currentTimeMillis() / 1000;
        if (e.second != second) {
            e = format(second);
            current = e;
        }
        return e.line;
    }

    private static Entry format(long second) {
        // RFC_1123_DATE_TIME prints single-digit days without the leading zero; IMF-fixdate needs two digits.
        String text = IMF_FIXDATE.format(Instant.ofEpochSecond(second));
        if (text.charAt(6) == ' ') {
            text = text.substring(0, 5) + '0' + text.substring(5);
        }
        return new Entry(second, EngineHeaderLines.line("date: " + text));
    }

    private record Entry(long second, byte[] line) {
    }
}
