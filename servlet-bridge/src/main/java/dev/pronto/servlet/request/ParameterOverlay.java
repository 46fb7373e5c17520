package dev.pronto.servlet.request;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The query parameters a forward or include adds on top of those below it (Servlet 6.1 §9.1.1: the new ones come
 * first and win). Merged on first use, so a dispatch parses nothing, and reads no body, unless someone asks for a
 * parameter. Immutable once resolved; used by the request's thread.
 */
public final class ParameterOverlay {

    private final ParameterOverlay under;
    private final String query;
    private final Charset charset;
    private Map<String, String[]> resolved;

    /** @param under the overlay of the enclosing dispatch, or null when the request's own parameters are below */
    ParameterOverlay(ParameterOverlay under, String query, Charset charset) {
        this.under = under;
        this.query = query;
        this.charset = charset;
    }

    /** The merged parameters; {@code own} gives the request's own (query string and body), parsed on demand. */
    Map<String, String[]> resolve(Supplier<Map<String, String[]>> own) {
        if (resolved == null) {
            Map<String, String[]> below = under == null ? own.get() : under.resolve(own);
            Map<String, String[]> merged = new LinkedHashMap<>(new ParameterParser().addQueryString(query, charset)
                    .toMap());
            below.forEach((name, values) -> merged.merge(name, values, ParameterOverlay::concat));
            resolved = Collections.unmodifiableMap(merged);
        }
        return resolved;
    }

    static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
