package dev.pronto.container.transport;

import dev.pronto.container.ServerConfig;
import dev.pronto.container.connection.ConnectionSettings;
import dev.pronto.container.connection.EngineUpgrade;
import dev.pronto.container.connection.Http1Connection;
import dev.pronto.container.http1.Http1RequestDecoder;
import dev.pronto.container.http1.Http1ResponseEncoder;
import dev.pronto.container.http2.Http2AlpnNegotiator;
import dev.pronto.container.http2.Http2PrefaceDetector;
import dev.pronto.container.http2.Http2ServerSettings;
import dev.pronto.container.http2.Http2cUpgrade;
import dev.pronto.container.tls.TlsEndpoint;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * Builds each accepted channel's pipeline: write coalescer, strict decoder, response encoder, connection handler.
 * On a TLS port the TLS handler and its handshake guard come first, and a chunked writer turns file bodies (which
 * TLS cannot send zero-copy) into buffers; a cleartext port gets none of them. Event loop.
 */
public final class Http1ChannelInitializer extends ChannelInitializer<Channel> {

    private final ServerConfig config;
    private final ConnectionSettings settings;
    private final TlsEndpoint tls;
    private final Http2ServerSettings http2;
    /** {@code Upgrade: h2c} on a cleartext port that speaks HTTP/2 (never over TLS: ALPN chooses there), else null. */
    private final EngineUpgrade h2cUpgrade;

    public Http1ChannelInitializer(ServerConfig config, ConnectionSettings settings) {
        this(config, settings, null, null);
    }

    /** @param tls the TLS side of this port, or {@code null} for cleartext */
    public Http1ChannelInitializer(ServerConfig config, ConnectionSettings settings, TlsEndpoint tls) {
        this(config, settings, tls, null);
    }

    /**
     * @param tls   the TLS side of this port, or {@code null} for cleartext
     * @param http2 HTTP/2 settings when the server speaks it (h2 by ALPN with TLS, h2c on cleartext), else null
     */
    public Http1ChannelInitializer(ServerConfig config, ConnectionSettings settings, TlsEndpoint tls,
                                   Http2ServerSettings http2) {
        this.config = config;
        this.settings = settings;
        this.tls = tls;
        this.http2 = http2;
        this.h2cUpgrade = http2 != null && tls == null ? new Http2cUpgrade(http2) : null;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline pipeline = ch.pipeline();
        if (tls != null) {
            tls.addHandlers(ch);
        }
        if (http2 == null) {
            addHttp1(pipeline);
        } else if (tls != null) {
            pipeline.addLast("alpn", new Http2AlpnNegotiator(http2, this::addHttp1));
        } else {
            pipeline.addLast("h2c-preface", new Http2PrefaceDetector(http2, this::addHttp1));
        }
    }

    /** The HTTP/1.1 handlers, at the end of the pipeline (at once, or once ALPN or the preface chose HTTP/1.1). */
    private void addHttp1(ChannelPipeline pipeline) {
        Http1RequestDecoder decoder =
                new Http1RequestDecoder(config.maxUriLength(), config.maxHeaderSize(), config.maxBodySize(),
                        settings.counters());
        pipeline.addLast("decoder", decoder);
        pipeline.addLast("encoder", new Http1ResponseEncoder(settings.counters()));
        if (tls != null) {
            pipeline.addLast("file-chunks", new ChunkedWriteHandler());
        }
        pipeline.addLast("connection", new Http1Connection(settings, decoder, tls != null, h2cUpgrade));
    }
}
