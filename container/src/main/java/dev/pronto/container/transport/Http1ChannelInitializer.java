package dev.pronto.container.transport;

import dev.pronto.container.ServerConfig;
import dev.pronto.container.connection.ConnectionSettings;
import dev.pronto.container.connection.Http1Connection;
import dev.pronto.container.http1.Http1RequestDecoder;
import dev.pronto.container.http1.Http1ResponseEncoder;
import dev.pronto.container.tls.TlsEndpoint;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * Builds each accepted channel's pipeline: strict decoder, response encoder, connection handler. On a TLS port the
 * TLS handler and its handshake guard come first, and a chunked writer turns file bodies (which TLS cannot send
 * zero-copy) into buffers; a cleartext port gets none of them. Event loop.
 */
public final class Http1ChannelInitializer extends ChannelInitializer<Channel> {

    private final ServerConfig config;
    private final ConnectionSettings settings;
    private final TlsEndpoint tls;

    public Http1ChannelInitializer(ServerConfig config, ConnectionSettings settings) {
        this(config, settings, null);
    }

    /** @param tls the TLS side of this port, or {@code null} for cleartext */
    public Http1ChannelInitializer(ServerConfig config, ConnectionSettings settings, TlsEndpoint tls) {
        this.config = config;
        this.settings = settings;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel ch) {
        Http1RequestDecoder decoder =
                new Http1RequestDecoder(config.maxUriLength(), config.maxHeaderSize(), config.maxBodySize(),
                        settings.counters());
        ChannelPipeline pipeline = ch.pipeline();
        if (tls != null) {
            tls.addHandlers(ch);
        }
        pipeline.addLast("decoder", decoder);
        pipeline.addLast("encoder", new Http1ResponseEncoder(settings.counters()));
        if (tls != null) {
            pipeline.addLast("file-chunks", new ChunkedWriteHandler());
        }
        pipeline.addLast("connection", new Http1Connection(settings, decoder, tls != null));
    }
}
