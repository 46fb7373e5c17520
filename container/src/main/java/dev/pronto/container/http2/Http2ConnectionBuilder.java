package dev.pronto.container.http2;

import dev.pronto.container.Http2Config;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2LocalFlowController;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2Settings;

/**
 * Builds one connection's {@link Http2ServerConnection} with Netty's codec and Pronto's settings and abuse limits:
 * SETTINGS from {@link Http2Config}; RST_STREAM counted per window (rapid reset, CVE-2023-44487: GOAWAY
 * ENHANCE_YOUR_CALM past the limit); control frames queued for a client that does not read capped (SETTINGS and
 * PING floods); header blocks, CONTINUATION frames included, capped by the header list size (CONTINUATION floods,
 * HPACK bombs). Not thread-safe; one per channel.
 */
final class Http2ConnectionBuilder
        extends AbstractHttp2ConnectionHandlerBuilder<Http2ServerConnection, Http2ConnectionBuilder> {

    private final Http2ServerSettings settings;
    private final boolean secure;

    Http2ConnectionBuilder(Http2ServerSettings settings, boolean secure) {
        this.settings = settings;
        this.secure = secure;
        Http2Config c = settings.http2;
        DefaultHttp2Connection connection = new DefaultHttp2Connection(true);
        // The connection window refills as DATA arrives; each stream's window only as the application reads its
        // body: a slow reader stops its own stream, never its neighbours (RFC 9113 §5.2.2). Memory stays bounded
        // by max concurrent streams x initial window.
        connection.local().flowController(new DefaultHttp2LocalFlowController(connection,
                DefaultHttp2LocalFlowController.DEFAULT_WINDOW_UPDATE_RATIO, true));
        connection(connection);

        initialSettings(new Http2Settings()
                .maxConcurrentStreams(c.maxConcurrentStreams())
                .initialWindowSize(c.initialWindowSize())
                .maxFrameSize(c.maxFrameSize())
                .maxHeaderListSize(c.maxHeaderListSize()));
        decoderEnforceMaxRstFramesPerWindow(c.maxResetsPerWindow(), (int) c.resetWindow().toSeconds());
        encoderEnforceMaxQueuedControlFrames(c.maxQueuedControlFrames());
        decoupleCloseAndGoAway(true); // close() closes; graceful shutdown sends its own GOAWAY first
        validateHeaders(true);
    }

    @Override
    public Http2ServerConnection build() {
        return super.build();
    }

    @Override
    protected Http2ServerConnection build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
                                          Http2Settings initialSettings) {
        return new Http2ServerConnection(decoder, encoder, initialSettings, settings, secure);
    }
}
