package dev.pronto.servlet.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Range} header (RFC 9110 §14.1.2, §14.2) resolved against a representation's length: byte ranges to
 * send, unsatisfiable (416), or ignored (send it all). A header that is invalid, not in bytes, has more than
 * {@link #MAX_RANGES} ranges, or asks for more bytes than the whole (overlaps) is ignored, as §14.2 allows.
 * Immutable.
 */
record ByteRanges(Kind kind, List<Range> ranges) {

    /** What to answer. */
    enum Kind {
        /** 200 with the whole representation. */
        IGNORED,
        /** 416 with {@code Content-Range: bytes *}{@code /length}. */
        UNSATISFIABLE,
        /** 206 with one range, or {@code multipart/byteranges} with several. */
        SATISFIABLE
    }

    /** One range: {@code length} bytes from {@code start}. */
    record Range(long start, long length) {
        long last() {
            return start + length - 1;
        }

        /** The {@code Content-Range} value (§14.4). */
        String contentRange(long complete) {
            return "bytes " + start + '-' + last() + '/' + complete;
        }
    }

    static final int MAX_RANGES = 16;

    private static final ByteRanges IGNORE = new ByteRanges(Kind.IGNORED, List.of());
    private static final ByteRanges UNSATISFIABLE = new ByteRanges(Kind.UNSATISFIABLE, List.of());

    static ByteRanges parse(String header, long length) {
        if (header == null || length < 0) {
            return IGNORE;
        }
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).trim().equalsIgnoreCase("bytes")) {
            return IGNORE; // §14.1: an unknown range unit is ignored
        }
        String[] specs = header.substring(eq + 1).split(",", -1);
        if (specs.length > MAX_RANGES) {
            return IGNORE;
        }
        List<Range> ranges = new ArrayList<>(specs.length);
        long total = 0;
        for (String spec : specs) {
            long[] bounds = bounds(spec.trim());
            if (bounds == null) {
                return IGNORE; // §14.2: an invalid ranges-specifier may be ignored
            }
            Range range = satisfiable(bounds, length);
            if (range != null) {
                ranges.add(range);
                total += range.length();
            }
        }
        if (ranges.isEmpty()) {
            return UNSATISFIABLE;
        }
        return total > length ? IGNORE : new ByteRanges(Kind.SATISFIABLE, List.copyOf(ranges));
    }

    /** {@code {first, last}} of an int-range ({@code last} -1 if open), {@code {-1, suffix}}, or null if invalid. */
    private static long[] bounds(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        if (first.isEmpty()) {
            long suffix = number(last);
            return suffix < 0 ? null : new long[] {-1, suffix};
        }
        long from = number(first);
        long to = last.isEmpty() ? -1 : number(last);
        if (from < 0 || !last.isEmpty() && (to < 0 || to < from)) {
            return null; // §14.1.1: last-pos below first-pos is invalid
        }
        return new long[] {from, to};
    }

    /** §14.1.1: a range is satisfiable if it starts inside the representation or is a non-empty suffix. */
    private static Range satisfiable(long[] bounds, long length) {
        if (bounds[0] < 0) {
            long suffix = Math.min(bounds[1], length);
            return suffix == 0 ? null : new Range(length - suffix, suffix);
        }
        if (bounds[0] >= length) {
            return null;
        }
        long last = bounds[1] < 0 ? length - 1 : Math.min(bounds[1], length - 1);
        return new Range(bounds[0], last - bounds[0] + 1);
    }

    /** A non-negative decimal, saturating at {@link Long#MAX_VALUE}; -1 if not 1*DIGIT. */
    private static long number(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : n * 10 + (c - '0');
        }
        return n;
    }
}
