package dev.pronto.container.http1;

import io.netty.handler.codec.http.HttpResponseStatus;

/** TEMPORARY stand-in until the strict decoder lands. */
public final class Http1DecodeError {
    private final HttpResponseStatus status;
    private final String detail;

    public Http1DecodeError(HttpResponseStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    public HttpResponseStatus status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
