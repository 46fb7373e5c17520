package dev.pronto.servlet.multipart;

import dev.pronto.container.RequestBodyException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of one part, in order, names compared case-insensitively (RFC 7578 §4.8, MIME headers of
 * RFC 2045 with obs-fold continuation lines). Immutable once parsed.
 */
final class PartHeaders {

    private final List<String> names = new ArrayList<>(2);
    private final List<String> values = new ArrayList<>(2);

    /**
     * Parses a header section (without its final empty line). Bytes are decoded with {@code charset}: browsers send
     * non-ASCII file names raw in the request's charset (RFC 7578 §5.1.1).
     *
     * @throws RequestBodyException (400) for a line that is not a field
     */
    static PartHeaders parse(byte[] section, Charset charset) throws RequestBodyException {
        PartHeaders headers = new PartHeaders();
        if (section.length == 0) {
            return headers;
        }
        for (String line : new String(section, charset).split("\r\n", -1)) {
            headers.onLine(line);
        }
        return headers;
    }

    private void onLine(String line) throws RequestBodyException {
        if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !values.isEmpty()) {
            int last = values.size() - 1; // RFC 5322 §2.2.3: a folded line continues the previous field
            values.set(last, values.get(last) + ' ' + line.trim());
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new RequestBodyException(400, "Malformed multipart body: a part header line has no field name");
        }
        names.add(line.substring(0, colon).trim());
        values.add(line.substring(colon + 1).trim());
    }

    /** The first value of {@code name}, or null. */
    String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Every value of {@code name}, in order; empty if none. */
    Collection<String> getAll(String name) {
        List<String> all = new ArrayList<>(1);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                all.add(values.get(i));
            }
        }
        return all;
    }

    /** The distinct field names, in order of first appearance, as sent. */
    Collection<String> names() {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                distinct.add(name);
            }
        }
        return distinct;
    }
}
