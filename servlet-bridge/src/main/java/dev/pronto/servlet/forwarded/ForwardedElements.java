package dev.pronto.servlet.forwarded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code Forwarded} field values (RFC 7239 §4): comma-separated elements, each of {@code ;}-separated
 * {@code name=value} pairs whose values are tokens or quoted strings. Lenient: a malformed pair is skipped, not
 * fatal; empty elements are dropped; a repeated parameter keeps its first value. Stateless.
 */
final class ForwardedElements {

    private ForwardedElements() {
    }

    /** The elements of every field line in order, each a map of lower-case names to unquoted values. */
    static List<Map<String, String>> parse(List<String> fieldValues) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String value : fieldValues) {
            parse(value, elements);
        }
        return elements;
    }

    private static void parse(String s, List<Map<String, String>> elements) {
        Map<String, String> element = new HashMap<>(4);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ',') {
                addIfNotEmpty(elements, element);
                element = new HashMap<>(4);
                i++;
            } else if (c == ';' || c == ' ' || c == '\t') {
                i++;
            } else {
                i = pair(s, i, element);
            }
        }
        addIfNotEmpty(elements, element);
    }

    /** RFC 9110 §5.6.1: empty list elements are ignored. */
    private static void addIfNotEmpty(List<Map<String, String>> elements, Map<String, String> element) {
        if (!element.isEmpty()) {
            elements.add(element);
        }
    }

    /** Reads one {@code name=value} from {@code start}; returns where the next one may begin. */
    private static int pair(String s, int start, Map<String, String> element) {
        int i = start;
        while (i < s.length() && "=,;".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == s.length() || s.charAt(i) != '=') {
            return i; // not a pair: skip to the delimiter
        }
        String name = s.substring(start, i).trim().toLowerCase(Locale.ROOT);
        i++;
        boolean named = !name.isEmpty();
        StringBuilder value = new StringBuilder();
        if (i < s.length() && s.charAt(i) == '"') {
            for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    c = s.charAt(++i); // RFC 9110 §5.6.4 quoted-pair
                }
                value.append(c);
            }
            i++;
        } else {
            while (i < s.length() && ",;".indexOf(s.charAt(i)) < 0) {
                value.append(s.charAt(i++));
            }
        }
        if (named) {
            element.putIfAbsent(name, value.toString().trim());
        }
        return i;
    }
}
