package dev.pronto.servlet.request;

/**
 * Thrown when a request path holds a sequence Servlet 6.1 §3.5.2 calls suspicious; the container answers 400.
 * Carries no stack trace (it is cheap to throw on hostile input). Immutable.
 */
public final class BadRequestPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a path was rejected; each constant names one §3.5.2 suspicious sequence. */
    public enum Reason {
        /** The path does not start with '/'. */
        NOT_ABSOLUTE,
        /** The request target carries a fragment ('#'). */
        FRAGMENT,
        /** An encoded '/' ({@code %2F}). */
        ENCODED_SLASH,
        /** A '\', raw or encoded ({@code %5C}). */
        BACKSLASH,
        /** A control character, raw or encoded ({@code %00}, {@code %7F}, ...). */
        CONTROL_CHARACTER,
        /** A raw non-ASCII character: RFC 3986 §2 allows only ASCII in a URI, the rest must be %-encoded. */
        NON_ASCII,
        /** A '%' not followed by two hex digits. */
        INVALID_ENCODING,
        /** The decoded octets of a segment are not valid UTF-8. */
        INVALID_UTF8,
        /** A "." or ".." segment with path parameters, such as {@code /..;/}. */
        DOT_SEGMENT_WITH_PARAMETERS,
        /** A "." or ".." segment spelled with %-escapes, such as {@code /%2e%2e/}. */
        ENCODED_DOT_SEGMENT,
        /** An empty segment other than the last one carrying path parameters, such as {@code /;x/}. */
        EMPTY_SEGMENT_WITH_PARAMETERS,
        /** A ".." that would climb above the root, such as {@code /../x}. */
        LEADING_DOT_DOT
    }

    private final Reason reason;
    private final String path;

    BadRequestPathException(Reason reason, String path) {
        super("Rejected request path (" + reason + "): " + path);
        this.reason = reason;
        this.path = path;
    }

    /** Which suspicious sequence was found first. */
    public Reason reason() {
        return reason;
    }

    /** The raw path as received. */
    public String path() {
        return path;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
