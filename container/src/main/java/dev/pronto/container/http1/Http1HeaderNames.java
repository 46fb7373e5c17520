package dev.pronto.container.http1;

import static io.netty.handler.codec.http.HttpHeaderNames.*;

import io.netty.buffer.ByteBuf;
import io.netty.util.AsciiString;
import java.util.Arrays;

/**
 * Turns field-name bytes into an {@link AsciiString}, answering Netty's shared {@code HttpHeaderNames} constant
 * (lower case) for well-known names so the hot path allocates nothing for them. Stateless, any thread.
 */
final class Http1HeaderNames {

    private static final AsciiString[] WELL_KNOWN = {
        HOST, CONNECTION, ACCEPT, USER_AGENT, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING, COOKIE,
        ACCEPT_ENCODING, ACCEPT_LANGUAGE, ACCEPT_CHARSET, EXPECT, UPGRADE, CACHE_CONTROL, AUTHORIZATION, REFERER,
        ORIGIN, PRAGMA, TE, TRAILER, KEEP_ALIVE, CONTENT_ENCODING, IF_NONE_MATCH, IF_MODIFIED_SINCE, IF_MATCH,
        IF_UNMODIFIED_SINCE, IF_RANGE, RANGE, DNT, VIA, FROM, DATE, X_REQUESTED_WITH, UPGRADE_INSECURE_REQUESTS,
        SEC_WEBSOCKET_KEY, SEC_WEBSOCKET_VERSION, SEC_WEBSOCKET_PROTOCOL, SEC_WEBSOCKET_EXTENSIONS,
        PROXY_AUTHORIZATION, MAX_FORWARDS,
    };

    /** Well-known names bucketed by length; field names are case-insensitive (RFC 9110 §5.1). */
    private static final AsciiString[][] BY_LENGTH = bucketByLength();

    private Http1HeaderNames() {
    }

    /** The name in [from, to), which the caller has checked to be a non-empty token. */
    static AsciiString of(ByteBuf buf, int from, int to) {
        int length = to - from;
        if (length < BY_LENGTH.length) {
            for (AsciiString candidate : BY_LENGTH[length]) {
                if (matches(buf, from, candidate)) {
                    return candidate;
                }
            }
        }
        byte[] bytes = new byte[length];
        buf.getBytes(from, bytes);
        return new AsciiString(bytes, false);
    }

    private static boolean matches(ByteBuf buf, int from, AsciiString lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            if (Http1Chars.toLower(buf.getByte(from + i)) != lowerCase.byteAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static AsciiString[][] bucketByLength() {
        int longest = 0;
        for (AsciiString name : WELL_KNOWN) {
            longest = Math.max(longest, name.length());
        }
        AsciiString[][] buckets = new AsciiString[longest + 1][0];
        for (AsciiString name : WELL_KNOWN) {
            AsciiString[] old = buckets[name.length()];
            AsciiString[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = name;
            buckets[name.length()] = grown;
        }
        return buckets;
    }
}
