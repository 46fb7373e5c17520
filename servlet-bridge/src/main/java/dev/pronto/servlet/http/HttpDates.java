package dev.pronto.servlet.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * HTTP dates (RFC 9110 §5.6.7): formats IMF-fixdate, parses IMF-fixdate and the obsolete RFC 850 and
 * asctime forms. Thread-safe; formatting reuses the last result within the same second.
 */
public final class HttpDates {

    /** The IMF-fixdate of the Unix epoch plus 10 s, used to expire cookies with Max-Age=0. */
    public static final String EXPIRED = "Thu, 01 Jan 1970 00:00:10 GMT";

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] LONG_DAYS =
            {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private HttpDates() {
    }

    /**
     * The IMF-fixdate of an instant, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}; milliseconds are dropped.
     *
     * @throws IllegalArgumentException for years outside 0000-9999, which IMF-fixdate cannot express
     */
    public static String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Formatted f = last;
        if (f.second != second) {
            f = new Formatted(second, render(second));
            last = f;
        }
        return f.text;
    }

    private static String render(long epochSecond) {
        long epochDay = Math.floorDiv(epochSecond, 86_400);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("IMF-fixdate cannot express year " + date.getYear());
        }
        char[] out = new char[29];
        // 1970-01-01 was a Thursday, index 3 of DAYS
        DAYS[(int) Math.floorMod(epochDay + 3, 7)].getChars(0, 3, out, 0);
        out[3] = ',';
        out[4] = ' ';
        twoDigits(out, 5, date.getDayOfMonth());
        out[7] = ' ';
        MONTHS[date.getMonthValue() - 1].getChars(0, 3, out, 8);
        out[11] = ' ';
        twoDigits(out, 12, date.getYear() / 100);
        twoDigits(out, 14, date.getYear() % 100);
        out[16] = ' ';
        twoDigits(out, 17, secondOfDay / 3600);
        out[19] = ':';
        twoDigits(out, 20, secondOfDay / 60 % 60);
        out[22] = ':';
        twoDigits(out, 23, secondOfDay % 60);
        " GMT".getChars(0, 4, out, 25);
        return new String(out);
    }

    private static void twoDigits(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }

    /**
     * The instant of an HTTP date in any of the three RFC 9110 §5.6.7 forms, in epoch milliseconds.
     *
     * @return the instant, or -1 when the value is null or none of the forms
     */
    public static long parse(String value) {
        return parse(value, 0);
    }

    /** As {@link #parse(String)}; {@code currentYear} 0 means this year, looked up only for RFC 850 dates. */
    static long parse(String value, int currentYear) {
        if (value == null) {
            return -1;
        }
        String v = value.trim();
        if (v.length() == 29 && v.charAt(3) == ',') {
            return parseImfFixdate(v);
        }
        if (v.length() == 24 && v.charAt(3) == ' ') {
            return parseAsctime(v);
        }
        return parseRfc850(v, currentYear);
    }

    /** IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static long parseImfFixdate(String v) {
        if (index(DAYS, v, 0) < 0 || !v.startsWith(" ", 4) || v.charAt(7) != ' ' || v.charAt(11) != ' '
                || v.charAt(16) != ' ' || !v.endsWith(" GMT")) {
            return -1;
        }
        int day = digits(v, 5, 2);
        int month = index(MONTHS, v, 8) + 1;
        int year = digits(v, 12, 4);
        return instant(year, month, day, v, 17);
    }

    /** asctime-date: {@code Sun Nov  6 08:49:37 1994}. */
    private static long parseAsctime(String v) {
        if (index(DAYS, v, 0) < 0 || v.charAt(7) != ' ' || v.charAt(10) != ' ' || v.charAt(19) != ' ') {
            return -1;
        }
        int month = index(MONTHS, v, 4) + 1;
        int day = v.charAt(8) == ' ' ? digits(v, 9, 1) : digits(v, 8, 2);
        int year = digits(v, 20, 4);
        return instant(year, month, day, v, 11);
    }

    /** rfc850-date: {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
    private static long parseRfc850(String v, int currentYear) {
        int comma = v.indexOf(',');
        if (comma < 0 || !isLongDay(v, comma) || v.length() != comma + 24) {
            return -1;
        }
        int d = comma + 2;
        if (v.charAt(comma + 1) != ' ' || v.charAt(d + 2) != '-' || v.charAt(d + 6) != '-'
                || v.charAt(d + 9) != ' ' || !v.endsWith(" GMT")) {
            return -1;
        }
        int twoDigitYear = digits(v, d + 7, 2);
        if (twoDigitYear < 0) {
            return -1;
        }
        int thisYear = currentYear > 0 ? currentYear : Year.now(ZoneOffset.UTC).getValue();
        return instant(fullYear(twoDigitYear, thisYear), index(MONTHS, v, d + 3) + 1, digits(v, d, 2), v, d + 10);
    }

    /**
     * RFC 9110 §5.6.7: a two-digit year is read in the window of the 100 years that ends 50 years from
     * now, so one that would lie more than 50 years ahead is the most recent past year with those digits.
     */
    static int fullYear(int twoDigitYear, int currentYear) {
        int year = currentYear - currentYear % 100 + twoDigitYear;
        if (year > currentYear + 50) {
            return year - 100;
        }
        return year <= currentYear - 50 ? year + 100 : year;
    }

    private static boolean isLongDay(String v, int comma) {
        for (String day : LONG_DAYS) {
            if (day.length() == comma && v.startsWith(day)) {
                return true;
            }
        }
        return false;
    }

    /** Combines a date with the time-of-day {@code HH:mm:ss} at {@code t}; -1 when anything is off. */
    private static long instant(int year, int month, int day, String v, int t) {
        if (v.charAt(t + 2) != ':' || v.charAt(t + 5) != ':') {
            return -1;
        }
        int hour = digits(v, t, 2);
        int minute = digits(v, t + 3, 2);
        int second = digits(v, t + 6, 2);
        if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return -1;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return (epochDay * 86_400 + hour * 3600L + minute * 60L + second) * 1000;
        } catch (DateTimeException e) {
            return -1; // e.g. 31 Feb
        }
    }

    private static int digits(String v, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Which of the three-letter names appears at {@code at} (case-sensitive, RFC 9110 §5.6.7), or -1. */
    private static int index(String[] names, String v, int at) {
        for (int i = 0; i < names.length; i++) {
            if (v.startsWith(names[i], at)) {
                return i;
            }
        }
        return -1;
    }

    private record Formatted(long second, String text) {
    }
}
