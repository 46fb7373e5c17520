package dev.pronto.servlet.multipart;

/**
 * A multipart limit was exceeded ({@code maxFileSize}, {@code maxRequestSize}, or the container's caps): the
 * {@code IllegalStateException} of {@code getParts()}; its message says "exceeded"; 413 if unhandled. Immutable.
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
