package dev.pronto.servlet.multipart;

/**
 * The container's own multipart caps, on top of {@code MultipartConfigElement}'s, and the messages of the limit
 * exceptions. They bound what a request can make the server hold whatever the configuration says. Stateless.
 */
final class MultipartLimits {

    /** Parts per request, as many as parameters ({@code ParameterParser}): each costs objects and maybe a file. */
    static final int MAX_PARTS = 10_000;

    /** The header section of one part (Content-Disposition, Content-Type …). */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    private MultipartLimits() {
    }

    static MultipartSizeException requestTooLarge(long max) {
        return new MultipartSizeException("The multipart request size exceeded the maximum of " + max
                + " bytes (maxRequestSize)", max);
    }

    static MultipartSizeException partTooLarge(String name, long max) {
        return new MultipartSizeException("The part '" + name + "' exceeded the maximum file size of " + max
                + " bytes (maxFileSize)", max);
    }

    static MultipartSizeException tooManyParts() {
        return new MultipartSizeException("The multipart request exceeded the maximum of " + MAX_PARTS + " parts",
                MAX_PARTS);
    }

    static MultipartSizeException fieldsTooLarge(long max) {
        return new MultipartSizeException("The multipart form fields exceeded the maximum of " + max
                + " bytes for parameter values (maxFormSize)", max);
    }
}
