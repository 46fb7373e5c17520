package dev.pronto.container.http2;

import dev.pronto.container.connection.ConnectionRegistry;
import dev.pronto.container.connection.EngineUpgrade;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2FrameTypes;
import io.netty.handler.codec.http2.Http2Flags;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.AsciiString;
import java.util.Base64;
import java.util.List;

/**
 * HTTP/2 by {@code Upgrade: h2c} on a cleartext HTTP/1.1 connection (RFC 7540 §3.2; RFC 9113 §3.1 deprecates it, but
 * clients such as the JDK's {@code HttpClient} still send it): checks the upgrade fields, decodes
 * {@code HTTP2-Settings} with Netty's frame reader, and after the 101 installs an {@link Http2ServerConnection} whose
 * stream 1 (half-closed, RFC 7540 §3.2) serves the upgrade request. Stateless and thread-safe; event loop.
 */
public final class Http2cUpgrade implements EngineUpgrade {

    private static final AsciiString H2C = AsciiString.cached("h2c");
    private static final AsciiString HTTP2_SETTINGS = AsciiString.cached("http2-settings");
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final Http2ServerSettings settings;

    public Http2cUpgrade(Http2ServerSettings settings) {
        this.settings = settings;
    }

    @Override
    public Decision decide(HttpRequest request, ByteBuf held) {
        HttpHeaders headers = request.headers();
        if (!hasToken(headers.getAll(HttpHeaderNames.UPGRADE), H2C)) {
            return Decision.PASS; // another protocol (WebSocket): the application's to decide
        }
        List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
        if (!hasToken(connection, HttpHeaderValues.UPGRADE) || !hasToken(connection, HTTP2_SETTINGS)) {
            return Decision.PASS; // RFC 7540 §3.2.1: without both, Upgrade and HTTP2-Settings are not for this hop
        }
        if (held.isReadable() && !isPrefacePrefix(held)) {
            // A client that pipelined HTTP/1.1 behind the upgrade request does not expect the switch (RFC 7540 §3.5:
            // the preface follows the 101): answer it over HTTP/1.1 (RFC 9110 §7.8 lets a server ignore Upgrade).
            return Decision.PASS;
        }
        List<String> values = headers.getAll(Http2CodecUtil.HTTP_UPGRADE_SETTINGS_HEADER);
        if (values.size() != 1 || decodeSettings(values.get(0)) == null) {
            return Decision.MALFORMED; // RFC 7540 §3.2.1: exactly one, a base64url SETTINGS payload
        }
        return Decision.SWITCH;
    }

    @Override
    public void switchingHeaders(HttpRequest request, HttpHeaders response) {
        response.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
        response.set(HttpHeaderNames.UPGRADE, H2C);
    }

    @Override
    public ConnectionRegistry.Member install(ChannelHandlerContext decoder, HttpRequest request) {
        Http2Settings clientSettings = decodeSettings(request.headers().get(Http2CodecUtil.HTTP_UPGRADE_SETTINGS_HEADER));
        Http2ServerConnection h2 = new Http2ConnectionBuilder(settings, false).build();
        h2.adoptUpgradedConnection();
        decoder.pipeline().addAfter(decoder.name(), "h2-bytes-out", new Http2BytesOut(settings.counters));
        decoder.pipeline().addAfter("h2-bytes-out", "h2", h2); // sends the server's preface (SETTINGS)
        try {
            h2.onHttpServerUpgrade(clientSettings); // stream 1, half-closed (remote): its request was the 101's
        } catch (Http2Exception e) {
            h2.closeNow(); // cannot happen on a fresh server connection; never leave it half made
            return h2;
        }
        h2.serveUpgradeRequest(requestHeaders(request));
        return h2;
    }

    /** The upgrade request as stream 1's HEADERS: pseudo-fields from its request line and Host, no HTTP/1.1 hop fields. */
    static Http2Headers requestHeaders(HttpRequest request) {
        Http2Headers h2 = new DefaultHttp2Headers(false);
        h2.method(request.method().asciiName());
        h2.path(request.uri());
        h2.scheme(AsciiString.cached("http"));
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null) {
            h2.authority(host);
        }
        // drops Connection, the fields it names (HTTP2-Settings), Upgrade, Host, Keep-Alive, TE but trailers
        HttpConversionUtil.toHttp2Headers(request.headers(), h2);
        return h2;
    }

    /** The SETTINGS payload of an {@code HTTP2-Settings} value (RFC 7540 §3.2.1), read by Netty's frame reader; null if malformed. */
    static Http2Settings decodeSettings(String value) {
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(value.trim()); // base64url, padding optional
        } catch (IllegalArgumentException e) {
            return null;
        }
        ByteBuf frame = Unpooled.buffer(Http2CodecUtil.FRAME_HEADER_LENGTH + payload.length);
        Http2CodecUtil.writeFrameHeader(frame, payload.length, Http2FrameTypes.SETTINGS, new Http2Flags(), 0);
        frame.writeBytes(payload);
        Http2Settings[] read = new Http2Settings[1];
        try (DefaultHttp2FrameReader reader = new DefaultHttp2FrameReader(true)) {
            reader.readFrame(null, frame, new Http2FrameAdapter() {
                @Override
                public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
                    read[0] = settings;
                }
            });
        } catch (Http2Exception | RuntimeException e) {
            return null; // a length not a multiple of 6, a value out of range (RFC 9113 §6.5.2)
        } finally {
            frame.release();
        }
        return read[0];
    }

    private static boolean isPrefacePrefix(ByteBuf held) {
        int n = Math.min(held.readableBytes(), PREFACE.readableBytes());
        return ByteBufUtil.equals(held, held.readerIndex(), PREFACE, 0, n);
    }

    /** Whether a comma-separated field (all its lines) lists {@code token}, case-insensitively. */
    private static boolean hasToken(List<String> values, AsciiString token) {
        for (String value : values) {
            for (String part : value.split(",")) {
                if (token.contentEqualsIgnoreCase(part.trim())) {
                    return true;
                }
            }
        }
        return false;
    }
}
