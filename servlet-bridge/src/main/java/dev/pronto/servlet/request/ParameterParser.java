package dev.pronto.servlet.request;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates request parameters from {@code application/x-www-form-urlencoded} sources (query string
 * first, then body, per Servlet 6.1 §3.1) into an insertion-ordered map. One instance per request;
 * not thread-safe. Never throws on malformed input, only when the parameter count limit is passed.
 * Charsets must be ASCII-compatible, as for any urlencoded form ('&amp;', '=', '%' and '+' are single bytes).
 */
public final class ParameterParser {

    /** The default limit on the number of parameters, the same as Tomcat's {@code maxParameterCount}. */
    public static final int DEFAULT_MAX_PARAMETERS = 10_000;

    private static final String[] NO_VALUES = new String[0];

    private final int maxParameters;
    private final Map<String, String[]> parameters = new LinkedHashMap<>();
    private int count;
    private byte[] scratch;

    /** A parser allowing {@link #DEFAULT_MAX_PARAMETERS} parameters. */
    public ParameterParser() {
        this(DEFAULT_MAX_PARAMETERS);
    }

    /** A parser allowing at most {@code maxParameters} name=value pairs in total; negative means no limit. */
    public ParameterParser(int maxParameters) {
        this.maxParameters = maxParameters < 0 ? Integer.MAX_VALUE : maxParameters;
    }

    /**
     * Adds the pairs of a raw (still %-encoded) query string; null or empty adds nothing.
     * The string is turned into bytes with {@code charset}, so for the usual ASCII query this is exact.
     *
     * @throws IllegalStateException when the parameter count limit is passed
     */
    public ParameterParser addQueryString(String query, Charset charset) {
        if (query != null && !query.isEmpty()) {
            byte[] bytes = query.getBytes(charset);
            addForm(bytes, 0, bytes.length, charset);
        }
        return this;
    }

    /**
     * Adds the pairs of a form body (or any urlencoded bytes) in {@code data[offset, offset + length)}.
     *
     * @throws IllegalStateException when the parameter count limit is passed
     */
    public ParameterParser addForm(byte[] data, int offset, int length, Charset charset) {
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int amp = indexOf(data, (byte) '&', start, end);
            int pairEnd = amp < 0 ? end : amp;
            if (pairEnd > start) {
                onPair(data, start, pairEnd, charset);
            }
            start = pairEnd + 1;
        }
        return this;
    }

    private void onPair(byte[] data, int start, int end, Charset charset) {
        int eq = indexOf(data, (byte) '=', start, end);
        int nameEnd = eq < 0 ? end : eq;
        if (nameEnd == start) {
            return; // no name: nothing a servlet could ask for
        }
        if (++count > maxParameters) {
            throw new IllegalStateException("More than " + maxParameters + " request parameters");
        }
        String name = decode(data, start, nameEnd, charset);
        String value = eq < 0 ? "" : decode(data, eq + 1, end, charset);
        append(name, value);
    }

    private void append(String name, String value) {
        String[] old = parameters.get(name);
        if (old == null) {
            parameters.put(name, new String[] {value});
            return;
        }
        String[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = value;
        parameters.put(name, grown);
    }

    /** '+' is a space and %nn an octet (HTML form encoding); a malformed escape is kept literally. */
    private String decode(byte[] data, int start, int end, Charset charset) {
        if (!needsDecoding(data, start, end)) {
            return new String(data, start, end - start, charset);
        }
        byte[] out = scratch(end - start);
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = data[i];
            int octet = b == '%' ? escapeAt(data, i, end) : -1;
            if (octet >= 0) {
                out[n++] = (byte) octet;
                i += 2;
            } else {
                out[n++] = b == '+' ? (byte) ' ' : b;
            }
        }
        // an invalid sequence for the charset becomes U+FFFD rather than an exception
        return new String(out, 0, n, charset);
    }

    private static boolean needsDecoding(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] == '%' || data[i] == '+') {
                return true;
            }
        }
        return false;
    }

    private static int escapeAt(byte[] data, int i, int end) {
        if (i + 3 > end) {
            return -1;
        }
        int hi = Hex.digit(data[i + 1]);
        int lo = Hex.digit(data[i + 2]);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    private byte[] scratch(int size) {
        if (scratch == null || scratch.length < size) {
            scratch = new byte[Math.max(size, 64)];
        }
        return scratch;
    }

    private static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The number of name=value pairs added so far (repeated names count each time). */
    public int count() {
        return count;
    }

    /**
     * The parameters so far, as {@code getParameterMap()} returns them: insertion-ordered, unmodifiable.
     * The arrays are shared with the map; callers that hand them to applications should clone them.
     */
    public Map<String, String[]> toMap() {
        return parameters.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(parameters);
    }

    /** The values of one parameter, or an empty array. */
    public String[] values(String name) {
        String[] v = parameters.get(name);
        return v == null ? NO_VALUES : v;
    }
}
