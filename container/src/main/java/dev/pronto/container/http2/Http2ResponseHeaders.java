package dev.pronto.container.http2;

import dev.pronto.container.http1.HttpDateCache;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds the HEADERS of a response from the exchange's HTTP/1-shaped fields: lower-case names, no
 * connection-specific fields (RFC 9113 §8.2.2), {@code :status} first, {@code date} formatted once a second and
 * shared. Stateless and thread-safe; runs on the thread that commits the response, so the event loop only writes.
 * <p>Copies the fields itself rather than through Netty's {@code HttpConversionUtil}: that one sizes the map to the
 * field count (so the codec's {@code :status} look-ups walk colliding buckets on the event loop), splits cookies and
 * scans for request-only rules a response never needs.
 */
final class Http2ResponseHeaders {

    /** Buckets of the header map: a response's handful of fields plus the pseudo-field rarely collide. */
    private static final int MAP_SIZE = 16;

    private Http2ResponseHeaders() {
    }

    static Http2Headers of(int status, HttpHeaders fields, AsciiString serverHeader) {
        Http2Headers h2 = new DefaultHttp2Headers(false, MAP_SIZE);
        h2.status(statusText(status));
        boolean hasDate = false;
        boolean hasServer = false;
        if (fields != null && !fields.isEmpty()) {
            CharSequence connection = fields.get(HttpHeaderNames.CONNECTION);
            Iterator<Map.Entry<CharSequence, CharSequence>> it = fields.iteratorCharSequence();
            while (it.hasNext()) {
                Map.Entry<CharSequence, CharSequence> field = it.next();
                AsciiString name = lowerCase(field.getKey());
                if (isConnectionSpecific(name, connection)) {
                    continue;
                }
                hasDate |= HttpHeaderNames.DATE.equals(name);
                hasServer |= HttpHeaderNames.SERVER.equals(name);
                h2.add(name, field.getValue());
            }
        }
        if (!hasDate) {
            h2.set(HttpHeaderNames.DATE, HttpDateCache.nowValue());
        }
        if (serverHeader != null && !hasServer) {
            h2.set(HttpHeaderNames.SERVER, serverHeader);
        }
        return h2;
    }

    /** Trailer fields: no pseudo-header fields (RFC 9113 §8.1), same name rules as the head. */
    static Http2Headers trailers(HttpHeaders fields) {
        Http2Headers h2 = new DefaultHttp2Headers(false, MAP_SIZE);
        CharSequence connection = fields.get(HttpHeaderNames.CONNECTION);
        Iterator<Map.Entry<CharSequence, CharSequence>> it = fields.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> field = it.next();
            AsciiString name = lowerCase(field.getKey());
            if (!isConnectionSpecific(name, connection)) {
                h2.add(name, field.getValue());
            }
        }
        return h2;
    }

    /** An engine-made answer with no body. */
    static Http2Headers bare(int status, AsciiString serverHeader) {
        Http2Headers h2 = new DefaultHttp2Headers(false, MAP_SIZE);
        h2.status(statusText(status));
        h2.set(HttpHeaderNames.CONTENT_LENGTH, AsciiString.of("0"));
        h2.set(HttpHeaderNames.DATE, HttpDateCache.nowValue());
        if (serverHeader != null) {
            h2.set(HttpHeaderNames.SERVER, serverHeader);
        }
        return h2;
    }

    /** The registered statuses' text is cached by Netty; others are made once per response. */
    private static AsciiString statusText(int status) {
        return HttpResponseStatus.valueOf(status).codeAsText();
    }

    /** RFC 9113 §8.2.1: field names are lower case in HTTP/2. Reuses {@code name} when it already is. */
    private static AsciiString lowerCase(CharSequence name) {
        if (name instanceof AsciiString ascii) {
            return ascii.toLowerCase(); // returns itself when nothing is upper case
        }
        return AsciiString.of(name).toLowerCase();
    }

    /**
     * RFC 9113 §8.2.2: fields that only mean something to one HTTP/1.1 hop ({@code Connection}, the fields it names,
     * {@code Keep-Alive}, {@code Proxy-Connection}, {@code Transfer-Encoding}, {@code Upgrade}) make a message
     * malformed; a response has no use for {@code TE} either.
     */
    private static boolean isConnectionSpecific(AsciiString name, CharSequence connectionValue) {
        if (HttpHeaderNames.CONNECTION.equals(name) || HttpHeaderNames.KEEP_ALIVE.equals(name)
                || HttpHeaderNames.PROXY_CONNECTION.equals(name) || HttpHeaderNames.TRANSFER_ENCODING.equals(name)
                || HttpHeaderNames.UPGRADE.equals(name) || HttpHeaderNames.TE.equals(name)) {
            return true;
        }
        return connectionValue != null && namedIn(connectionValue, name);
    }

    /** Whether the comma-separated {@code Connection} value names {@code name} (case-insensitive). */
    private static boolean namedIn(CharSequence connectionValue, AsciiString name) {
        int length = connectionValue.length();
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && connectionValue.charAt(end) != ',') {
                end++;
            }
            int from = start;
            int to = end;
            while (from < to && connectionValue.charAt(from) == ' ') {
                from++;
            }
            while (to > from && connectionValue.charAt(to - 1) == ' ') {
                to--;
            }
            if (to - from == name.length() && name.contentEqualsIgnoreCase(connectionValue.subSequence(from, to))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
