package dev.pronto.servlet.response.compression;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} field (RFC 9110 §12.5.3) for the one coding Pronto produces. Stateless. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * True when the field accepts gzip: {@code gzip} (or {@code x-gzip}, §8.4.1.3) with a non-zero weight, or
     * {@code *} with a non-zero weight and gzip not refused by name. A missing field accepts nothing here: any
     * coding is allowed then, but identity is the safe choice.
     */
    static boolean acceptsGzip(String field) {
        if (field == null || field.isEmpty()) {
            return false;
        }
        Boolean gzip = null;
        boolean wildcard = false;
        for (String element : field.split(",")) {
            int semi = element.indexOf(';');
            String coding = (semi < 0 ? element : element.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            boolean allowed = semi < 0 || weight(element.substring(semi + 1)) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? allowed : gzip || allowed;
            } else if (coding.equals("*")) {
                wildcard = allowed;
            }
        }
        return gzip != null ? gzip : wildcard;
    }

    /** The {@code q} parameter (§12.4.2); a malformed weight counts as 0 (refused), a missing one as 1. */
    private static double weight(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.trim();
            if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
