package dev.pronto.servlet.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses {@code Accept-Language} (RFC 9110 §12.5.4) into locales, most preferred first. Stateless and
 * thread-safe. {@code *}, q=0 and malformed entries are dropped; the caller falls back to the server
 * default locale when the list is empty (Servlet 6.1, Request chapter, "Internationalization").
 */
public final class AcceptLanguage {

    private AcceptLanguage() {
    }

    /** The locales of all header lines, ordered by q-value, ties in header order; never null. */
    public static List<Locale> parse(Iterable<String> headerValues) {
        List<Entry> entries = new ArrayList<>();
        for (String value : headerValues) {
            collect(value, entries);
        }
        return sorted(entries);
    }

    /** The locales of one header value, ordered by q-value, ties in header order; never null. */
    public static List<Locale> parse(String headerValue) {
        List<Entry> entries = new ArrayList<>();
        collect(headerValue, entries);
        return sorted(entries);
    }

    private static List<Locale> sorted(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        // List.sort is stable, so equal q-values keep header order
        entries.sort(Comparator.comparingInt((Entry e) -> e.quality).reversed());
        Set<Locale> locales = new LinkedHashSet<>();
        for (Entry e : entries) {
            locales.add(e.locale);
        }
        return List.copyOf(locales);
    }

    private static void collect(String header, List<Entry> out) {
        if (header == null) {
            return;
        }
        int start = 0;
        while (start < header.length()) {
            int comma = header.indexOf(',', start);
            int end = comma < 0 ? header.length() : comma;
            Entry e = entry(header.substring(start, end));
            if (e != null) {
                out.add(e);
            }
            start = end + 1;
        }
    }

    /** language-range [ weight ], or null for '*', q=0 or anything malformed. */
    private static Entry entry(String element) {
        int semicolon = element.indexOf(';');
        String range = (semicolon < 0 ? element : element.substring(0, semicolon)).trim();
        int quality = semicolon < 0 ? 1000 : quality(element.substring(semicolon + 1));
        if (quality <= 0 || !isLanguageRange(range)) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(range);
        return locale.getLanguage().isEmpty() ? null : new Entry(locale, quality);
    }

    /** RFC 9110 §12.4.2: weight = OWS ";" OWS "q=" qvalue, in thousandths; -1 when malformed. */
    private static int quality(String params) {
        String p = params.trim();
        if (p.length() < 3 || Character.toLowerCase(p.charAt(0)) != 'q' || p.charAt(1) != '=') {
            return -1;
        }
        return qvalue(p.substring(2).trim());
    }

    /** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). */
    private static int qvalue(String q) {
        if (q.isEmpty() || q.length() > 5 || (q.charAt(0) != '0' && q.charAt(0) != '1')) {
            return -1;
        }
        int thousandths = (q.charAt(0) - '0') * 1000;
        if (q.length() > 1) {
            if (q.charAt(1) != '.') {
                return -1;
            }
            int scale = 100;
            for (int i = 2; i < q.length(); i++, scale /= 10) {
                char c = q.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                thousandths += (c - '0') * scale;
            }
        }
        return thousandths > 1000 ? -1 : thousandths;
    }

    /** RFC 4647 §2.1 basic range: 1*8ALPHA *("-" 1*8alphanum); '*' is left out on purpose. */
    private static boolean isLanguageRange(String range) {
        int subtagLength = 0;
        boolean firstSubtag = true;
        for (int i = 0; i < range.length(); i++) {
            char c = range.charAt(i);
            if (c == '-' && subtagLength > 0) {
                subtagLength = 0;
                firstSubtag = false;
            } else if (isAlpha(c) || !firstSubtag && c >= '0' && c <= '9') {
                subtagLength++;
            } else {
                return false;
            }
            if (subtagLength > 8) {
                return false;
            }
        }
        return subtagLength > 0;
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private record Entry(Locale locale, int quality) {
    }
}
