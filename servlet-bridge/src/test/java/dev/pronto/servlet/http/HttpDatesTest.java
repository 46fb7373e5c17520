package dev.pronto.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

    /** RFC 9110 §5.6.7's example instant. */
    private static final long EXAMPLE = 784_111_777_000L;

    @Test
    void formatsImfFixdate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE + 999));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDates.format(0));
        assertEquals("Wed, 31 Dec 1969 23:59:59 GMT", HttpDates.format(-1));
        assertEquals("Thu, 29 Feb 2024 12:00:00 GMT", HttpDates.format(Instant.parse("2024-02-29T12:00:00Z").toEpochMilli()));
    }

    @Test
    void formatAgreesWithJavaTimeOnRandomInstants() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            long millis = random.nextLong(-2_000_000_000_000L, 250_000_000_000_000L);
            assertEquals(reference.format(Instant.ofEpochMilli(millis)), HttpDates.format(millis));
        }
    }

    @Test
    void reusesTheTextWithinOneSecond() {
        String first = HttpDates.format(EXAMPLE + 1);
        assertSame(first, HttpDates.format(EXAMPLE + 500));
    }

    @Test
    void yearsBeyondFourDigitsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> HttpDates.format(Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "  Sun, 06 Nov 1994 08:49:37 GMT  ",
    })
    void parsesAllThreeForms(String value) {
        assertEquals(EXAMPLE, HttpDates.parse(value));
    }

    @Test
    void parsesAsctimeWithTwoDigitDay() {
        assertEquals(Instant.parse("1994-11-16T08:49:37Z").toEpochMilli(), HttpDates.parse("Wed Nov 16 08:49:37 1994"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "garbage", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sundae, 06-Nov-94 08:49:37 GMT",
        "Xyz Nov  6 08:49:37 1994", "Sun Nov  6 08:49:37 19x4",
    })
    void rejectsAnythingElse(String value) {
        assertEquals(-1, HttpDates.parse(value));
    }

    @ParameterizedTest
    @CsvSource({"94, 2026, 1994", "30, 2026, 2030", "76, 2026, 2076", "77, 2026, 1977", "00, 2099, 2100"})
    void twoDigitYearsFollowTheFiftyYearRule(int twoDigits, int currentYear, int expected) {
        assertEquals(expected, HttpDates.fullYear(twoDigits, currentYear));
    }

    @Test
    void rfc850UsesTheGivenCurrentYear() {
        long t = HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", 2200);
        assertEquals(Instant.parse("2194-11-06T08:49:37Z").toEpochMilli(), t);
    }
}
