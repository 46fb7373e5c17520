package dev.pronto.container.http1;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A response head answering a {@code HEAD} request: {@link Http1ResponseEncoder} writes its fields (including the
 * {@code Content-Length} or {@code Transfer-Encoding} a GET would have had) and no body (RFC 9110 §9.3.2).
 */
public final class HeadResponse extends DefaultHttpResponse {

    public HeadResponse(HttpVersion version, HttpResponseStatus status, HttpHeaders headers) {
        super(version, status, headers);
    }
}
