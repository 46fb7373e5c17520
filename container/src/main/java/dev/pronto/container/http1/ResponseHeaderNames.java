package dev.pronto.container.http1;

import io.netty.handler.codec.DefaultHeaders;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * The factory of response header objects: names and values are validated as Netty does (no response splitting),
 * except that the well-known name constants, valid by construction, skip the per-set token scan; the hash table
 * starts at 8 buckets, not 16, because the engine writes {@code Date}, {@code Server}, {@code Content-Length} and
 * {@code Connection} itself and applications set a handful more. Stateless.
 */
public final class ResponseHeaderNames {

    /** Buckets of a response's header table (Netty's default is 16; it never grows, chains just get longer). */
    private static final int BUCKETS = 8;

    /** Validates every name but {@link HttpHeaderNames}' constants of the headers responses set on every request. */
    private static final DefaultHeaders.NameValidator<CharSequence> NAMES = name -> {
        if (name == HttpHeaderNames.CONTENT_TYPE || name == HttpHeaderNames.CONTENT_LENGTH
                || name == HttpHeaderNames.DATE || name == HttpHeaderNames.SERVER
                || name == HttpHeaderNames.CONNECTION || name == HttpHeaderNames.TRANSFER_ENCODING
                || name == HttpHeaderNames.SET_COOKIE || name == HttpHeaderNames.LOCATION) {
            return;
        }
        if (name == null || name.length() == 0) {
            throw new IllegalArgumentException("empty header names are not allowed");
        }
        int index = HttpHeaderValidationUtil.validateToken(name);
        if (index != -1) {
            throw new IllegalArgumentException("a header name can only contain token characters, but found 0x"
                    + Integer.toHexString(name.charAt(index)) + " at index " + index + " of '" + name + "'");
        }
    };

    /** RFC 9110 §5.5: no CR, LF or NUL (nor other CTLs but HTAB) in a value, so no response splitting. */
    private static final DefaultHeaders.ValueValidator<CharSequence> VALUES = value -> {
        int index = HttpHeaderValidationUtil.validateValidHeaderValue(value);
        if (index != -1) {
            throw new IllegalArgumentException("a header value contains prohibited character 0x"
                    + Integer.toHexString(value.charAt(index)) + " at index " + index);
        }
    };

    /** Creates the header objects of responses. */
    public static final HttpHeadersFactory FACTORY = new HttpHeadersFactory() {
        @Override
        public HttpHeaders newHeaders() {
            return new ResponseHeaders();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return new ResponseHeaders();
        }
    };

    private ResponseHeaderNames() {
    }

    /** Netty's header map with the response validators and the smaller table. */
    private static final class ResponseHeaders extends DefaultHttpHeaders {
        ResponseHeaders() {
            super(NAMES, VALUES, BUCKETS);
        }
    }
}
