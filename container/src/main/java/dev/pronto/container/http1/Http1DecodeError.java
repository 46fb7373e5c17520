package dev.pronto.container.http1;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;

/**
 * An inbound message from {@link Http1RequestDecoder}: the request could not be decoded and must be answered with
 * {@link #status()}, then the connection closed. Created and read on the event loop; not reference counted.
 */
public final class Http1DecodeError {

    private final HttpResponseStatus status;
    private final String detail;

    /** @param detail a short reason; must not carry raw client bytes */
    public Http1DecodeError(HttpResponseStatus status, String detail) {
        this.status = Objects.requireNonNull(status, "status");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** The status to answer with (400, 413, 414, 431, 501 or 505). */
    public HttpResponseStatus status() {
        return status;
    }

    /** A short reason, safe to log at debug: it quotes at most one printable client byte. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "Http1DecodeError(" + status.code() + ": " + detail + ')';
    }
}
