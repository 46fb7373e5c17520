package dev.pronto.servlet.resource;

import dev.pronto.servlet.http.HttpDates;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Evaluates the conditional request fields of a GET or HEAD in the order of RFC 9110 §13.2.2: If-Match, else
 * If-Unmodified-Since (412 when false); then If-None-Match, else If-Modified-Since (304 when false); and
 * If-Range (§13.1.5) for a Range. Dates compare at the one-second resolution of HTTP dates. Stateless.
 */
final class Preconditions {

    /** What the request's preconditions say to do. */
    enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    private Preconditions() {
    }

    /**
     * @param etag         the resource's strong entity tag, or null if it has none
     * @param lastModified the resource's modification time in epoch milliseconds, {@code <= 0} if unknown
     */
    static Outcome evaluate(HttpServletRequest request, String etag, long lastModified) {
        long modified = seconds(lastModified);
        // §13.2.2 steps 1 and 2
        if (request.getHeader("If-Match") != null) {
            if (!EntityTags.anyMatches(request.getHeaders("If-Match"), etag, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            long since = date(request, "If-Unmodified-Since");
            if (since >= 0 && modified >= 0 && modified > since) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        // steps 3 and 4; only GET and HEAD are evaluated here, so a match is 304, never 412
        if (request.getHeader("If-None-Match") != null) {
            if (EntityTags.anyMatches(request.getHeaders("If-None-Match"), etag, false)) {
                return Outcome.NOT_MODIFIED;
            }
        } else {
            long since = date(request, "If-Modified-Since");
            if (since >= 0 && modified >= 0 && modified <= since) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * §13.1.5: whether a Range may be honoured; true without If-Range. An entity tag must match strongly; a date
     * must equal the last modification time exactly.
     */
    static boolean ifRangeHolds(HttpServletRequest request, String etag, long lastModified) {
        String value = request.getHeader("If-Range");
        if (value == null) {
            return true;
        }
        value = value.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return etag != null && EntityTags.listMatches(value, etag, true) && !value.equals("*");
        }
        long date = HttpDates.parse(value);
        return date >= 0 && lastModified > 0 && date / 1000 == seconds(lastModified);
    }

    /** §13.1.3, §13.1.4: a field that is not one valid HTTP date is ignored (-1). */
    private static long date(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || value.indexOf(',') != value.lastIndexOf(',')) {
            return -1;
        }
        long millis = HttpDates.parse(value);
        return millis < 0 ? -1 : millis / 1000;
    }

    private static long seconds(long millis) {
        return millis <= 0 ? -1 : millis / 1000;
    }
}
