package dev.pronto.container.http2;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.Map;

/**
 * Turns a stream's decoded HEADERS into the request head the exchange SPI carries (Netty's {@link HttpRequest}):
 * {@code :method} and {@code :path} become the request line, {@code :authority} the {@code Host} field, and the
 * {@code cookie} fields a client split are joined again (RFC 9113 §8.2.3). Stateless; event loop.
 */
final class Http2RequestHead {

    /** {@code HTTP/2.0}: what {@code getProtocol()} reports (Servlet 6.1 §3.5, RFC 9113 §8). */
    static final HttpVersion HTTP_2 = new HttpVersion("HTTP", 2, 0, true);

    private static final DefaultHttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false); // HPACK decoding validated them

    private Http2RequestHead() {
    }

    /** Thrown for a request the engine answers itself with {@link #status}; it never reaches the application. */
    static final class Rejected extends Exception {
        final HttpResponseStatus status;

        Rejected(HttpResponseStatus status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    static HttpRequest toHttpRequest(Http2Headers h2) throws Rejected {
        CharSequence method = h2.method();
        CharSequence path = h2.path();
        if (method == null) {
            throw new Rejected(HttpResponseStatus.BAD_REQUEST, "no :method"); // RFC 9113 §8.3.1
        }
        if (HttpMethod.CONNECT.asciiName().contentEquals(method)) {
            throw new Rejected(HttpResponseStatus.NOT_IMPLEMENTED, "CONNECT"); // as on HTTP/1.1: no tunnels
        }
        if (path == null || !validPath(method, path)) {
            throw new Rejected(HttpResponseStatus.BAD_REQUEST, "bad :path"); // RFC 9113 §8.3.1
        }
        HttpMethod httpMethod;
        try {
            httpMethod = HttpMethod.valueOf(method.toString());
        } catch (IllegalArgumentException e) {
            throw new Rejected(HttpResponseStatus.BAD_REQUEST, "bad :method");
        }
        HttpHeaders headers = HEADERS.newHeaders();
        StringBuilder cookie = null;
        for (Map.Entry<CharSequence, CharSequence> field : h2) {
            CharSequence name = field.getKey();
            if (name.length() > 0 && name.charAt(0) == ':') {
                continue; // pseudo-header fields are not fields (RFC 9113 §8.3)
            }
            if (HttpHeaderNames.COOKIE.contentEqualsIgnoreCase(name)) {
                cookie = cookie == null ? new StringBuilder(field.getValue()) : cookie.append("; ").append(field.getValue());
            } else {
                headers.add(name, field.getValue());
            }
        }
        if (cookie != null) {
            headers.set(HttpHeaderNames.COOKIE, cookie.toString());
        }
        CharSequence authority = h2.authority();
        if (authority != null) {
            // RFC 9113 §8.3.1: :authority is the target's authority; it takes Host's place (RFC 9110 §7.2)
            headers.set(HttpHeaderNames.HOST, authority);
        }
        return new DefaultHttpRequest(HTTP_2, httpMethod, path.toString(), headers);
    }

    /** Request trailer fields as HTTP/1-shaped fields (pseudo-header fields are refused by the codec). */
    static HttpHeaders trailers(Http2Headers h2) {
        HttpHeaders fields = HEADERS.newHeaders();
        for (Map.Entry<CharSequence, CharSequence> field : h2) {
            fields.add(field.getKey(), field.getValue());
        }
        return fields;
    }

    /** Origin form, or {@code *} for OPTIONS (RFC 9113 §8.3.1); no controls, spaces or DEL. */
    private static boolean validPath(CharSequence method, CharSequence path) {
        if (path.length() == 0) {
            return false;
        }
        if (path.length() == 1 && path.charAt(0) == '*') {
            return HttpMethod.OPTIONS.asciiName().contentEquals(method);
        }
        if (path.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
