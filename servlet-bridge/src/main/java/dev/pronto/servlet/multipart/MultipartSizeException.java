package dev.pronto.servlet.multipart;

/**
 * A multipart limit of {@code MultipartConfigElement} was exceeded: a part beyond {@code maxFileSize}, the request
 * beyond {@code maxRequestSize}, or the form beyond the container's own caps. An {@link IllegalStateException} as
 * {@code getParts()} requires (Servlet 6.1 §3.2); its message says "exceeded", which is what frameworks map to
 * 413 (and the container does too when it goes unhandled). Immutable.
 */
public final class MultipartSizeException extends IllegalStateException {

    private final long limit;

    MultipartSizeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The limit that was exceeded, in bytes (or parts, for the part count). */
    public long limit() {
        return limit;
    }
}
