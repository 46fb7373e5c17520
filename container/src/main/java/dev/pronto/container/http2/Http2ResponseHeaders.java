package dev.pronto.container.http2;

import dev.pronto.container.http1.HttpDateCache;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.AsciiString;

/**
 * Builds the HEADERS of a response from the exchange's HTTP/1-shaped fields: lower-case names, no
 * connection-specific fields (RFC 9113 §8.2.2), {@code :status} first, {@code date} formatted once a second and
 * shared. Stateless and thread-safe; runs on the thread that commits the response, so the event loop only writes.
 */
final class Http2ResponseHeaders {

    private Http2ResponseHeaders() {
    }

    static Http2Headers of(int status, HttpHeaders fields, AsciiString serverHeader) {
        Http2Headers h2 = fields == null || fields.isEmpty() ? new DefaultHttp2Headers(false)
                : HttpConversionUtil.toHttp2Headers(fields, false);
        h2.status(AsciiString.of(Integer.toString(status)));
        if (!h2.contains(HttpHeaderNames.DATE)) {
            h2.set(HttpHeaderNames.DATE, HttpDateCache.nowValue());
        }
        if (serverHeader != null && !h2.contains(HttpHeaderNames.SERVER)) {
            h2.set(HttpHeaderNames.SERVER, serverHeader);
        }
        return h2;
    }

    /** Trailer fields: no pseudo-header fields (RFC 9113 §8.1), same name rules as the head. */
    static Http2Headers trailers(HttpHeaders fields) {
        return HttpConversionUtil.toHttp2Headers(fields, false);
    }

    /** An engine-made answer with no body. */
    static Http2Headers bare(int status, AsciiString serverHeader) {
        Http2Headers h2 = new DefaultHttp2Headers(false);
        h2.status(AsciiString.of(Integer.toString(status)));
        h2.set(HttpHeaderNames.CONTENT_LENGTH, AsciiString.of("0"));
        h2.set(HttpHeaderNames.DATE, HttpDateCache.nowValue());
        if (serverHeader != null) {
            h2.set(HttpHeaderNames.SERVER, serverHeader);
        }
        return h2;
    }
}
