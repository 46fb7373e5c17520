package dev.pronto.container.http1;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Thrown by the package's parsers when the input breaks a rule; the decoder turns it into an
 * {@link Http1DecodeError}. Event loop only; stackless because it is control flow, not a bug.
 */
final class Http1ParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;

    Http1ParseException(HttpResponseStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static Http1ParseException badRequest(String detail) {
        return new Http1ParseException(HttpResponseStatus.BAD_REQUEST, detail);
    }

    /** A 400 naming the offending byte without echoing more than that one byte. */
    static Http1ParseException badByte(String where, byte b) {
        return badRequest(Http1Chars.describe(b) + " in " + where);
    }

    HttpResponseStatus status() {
        return status;
    }
}
