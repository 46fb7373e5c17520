package dev.pronto.servlet.resource;

import java.util.Enumeration;

/**
 * Entity-tag lists of {@code If-Match}, {@code If-None-Match} and {@code If-Range} (RFC 9110 §8.8.3), matched with
 * the strong or the weak comparison of §8.8.3.2. Lenient: an unquoted tag is compared as it is. Stateless.
 */
final class EntityTags {

    private EntityTags() {
    }

    /** The strong tag of a resource of {@code length} bytes modified at {@code lastModified}, or null if unknown. */
    static String of(long length, long lastModified) {
        if (length < 0 || lastModified <= 0) {
            return null;
        }
        return '"' + Long.toHexString(lastModified) + '-' + Long.toHexString(length) + '"';
    }

    /**
     * Whether any field value lists {@code current} ({@code "*"} matches any): strong comparison needs both tags
     * strong (If-Match, If-Range), weak comparison ignores {@code W/} (If-None-Match).
     */
    static boolean anyMatches(Enumeration<String> values, String current, boolean strong) {
        while (values.hasMoreElements()) {
            if (listMatches(values.nextElement(), current, strong)) {
                return true;
            }
        }
        return false;
    }

    static boolean listMatches(String list, String current, boolean strong) {
        int i = 0;
        while (i < list.length()) {
            int end = tagEnd(list, i);
            String tag = list.substring(i, end).trim();
            if (tag.equals("*") || current != null && matches(tag, current, strong)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    private static boolean matches(String tag, String current, boolean strong) {
        boolean weak = tag.startsWith("W/");
        if (weak && strong) {
            return false; // §8.8.3.2: a weak tag never matches strongly
        }
        String opaque = weak ? tag.substring(2) : tag;
        return opaque.equals(current) || !opaque.startsWith("\"") && ('"' + opaque + '"').equals(current);
    }

    /** The index of the comma that ends the tag starting at {@code from} (commas inside quotes do not count). */
    private static int tagEnd(String list, int from) {
        boolean quoted = false;
        for (int i = from; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return list.length();
    }
}
