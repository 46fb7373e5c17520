package dev.pronto.container.http1;

import io.netty.handler.codec.DefaultHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * The factory of response header objects: names and values are validated as Netty does (no response splitting),
 * except that the well-known name constants, valid by construction, skip the per-set token scan. Stateless.
 */
public final class ResponseHeaderNames {

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

    /** Creates the header objects of responses. */
    public static final HttpHeadersFactory FACTORY = DefaultHttpHeadersFactory.headersFactory().withNameValidator(NAMES);

    private ResponseHeaderNames() {
    }
}
