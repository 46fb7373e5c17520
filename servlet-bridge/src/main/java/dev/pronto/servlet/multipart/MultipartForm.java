package dev.pronto.servlet.multipart;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of one parsed {@code multipart/form-data} body and, decoded on first use, its plain fields as
 * parameter values (Servlet 6.1 §3.2). Used by the request's thread; {@link #delete()} may run once it ended.
 */
final class MultipartForm {

    /** RFC 7578 §4.6: a field of this name carries the charset of the fields that name none. */
    private static final String CHARSET_FIELD = "_charset_";

    private final List<PartImpl> parts;
    private Map<String, List<String>> fields;

    MultipartForm(List<PartImpl> parts) {
        this.parts = List.copyOf(parts);
    }

    List<Part> parts() {
        return Collections.unmodifiableList(parts);
    }

    /** The first part named {@code name}, or null. */
    Part part(String name) {
        for (PartImpl part : parts) {
            if (name.equals(part.getName())) {
                return part;
            }
        }
        return null;
    }

    /**
     * The values of the parts without a file name, by part name in order. A part's own {@code charset} wins, then
     * a {@code _charset_} field, then {@code requestCharset}. Cached.
     *
     * @param maxBytes the most bytes all field values may have together, as Tomcat's {@code maxPostSize} bounds
     *                 them; -1 for no limit. Larger fields stay readable as parts.
     * @throws MultipartSizeException when the fields together exceed {@code maxBytes}
     */
    Map<String, List<String>> fields(Charset requestCharset, long maxBytes) throws IOException {
        if (fields == null) {
            fields = decodeFields(formCharset(requestCharset), maxBytes);
        }
        return fields;
    }

    private Map<String, List<String>> decodeFields(Charset defaultCharset, long maxBytes) throws IOException {
        Map<String, List<String>> map = new LinkedHashMap<>();
        long total = 0;
        for (PartImpl part : parts) {
            if (!part.isField() || part.getName() == null) {
                continue;
            }
            total += part.getSize();
            if (maxBytes >= 0 && total > maxBytes) {
                throw MultipartLimits.fieldsTooLarge(maxBytes);
            }
            Charset charset = charsetOf(part.getContentType(), defaultCharset);
            map.computeIfAbsent(part.getName(), k -> new ArrayList<>(1)).add(new String(bytes(part), charset));
        }
        return map;
    }

    private Charset formCharset(Charset requestCharset) throws IOException {
        for (PartImpl part : parts) {
            if (part.isField() && CHARSET_FIELD.equals(part.getName()) && part.getSize() < 64) {
                Charset declared = charset(new String(bytes(part), java.nio.charset.StandardCharsets.US_ASCII)
                        .trim());
                if (declared != null) {
                    return declared;
                }
            }
        }
        return requestCharset;
    }

    private static byte[] bytes(PartImpl part) throws IOException {
        if (part.content().isInMemory()) {
            return part.content().bytes();
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The {@code charset} parameter of a part's content type (RFC 7578 §4.4), else {@code fallback}. */
    static Charset charsetOf(String contentType, Charset fallback) {
        if (contentType == null) {
            return fallback;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at < 0) {
            return fallback;
        }
        String value = contentType.substring(at + 8);
        int semicolon = value.indexOf(';');
        value = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        Charset charset = charset(value);
        return charset != null ? charset : fallback;
    }

    private static Charset charset(String name) {
        try {
            return name.isEmpty() ? null : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Deletes every part's temporary file; the first failure is rethrown after trying them all. */
    void delete() throws IOException {
        IOException failure = null;
        for (PartImpl part : parts) {
            try {
                part.content().delete();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
