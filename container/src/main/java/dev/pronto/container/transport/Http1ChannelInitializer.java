package dev.pronto.container.transport;

import dev.pronto.container.ServerConfig;
import dev.pronto.container.connection.ConnectionSettings;
import dev.pronto.container.connection.Http1Connection;
import dev.pronto.container.http1.Http1RequestDecoder;
import dev.pronto.container.http1.Http1ResponseEncoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;

/** Builds each accepted channel's pipeline: strict decoder, response encoder, connection handler. Event loop. */
public final class Http1ChannelInitializer extends ChannelInitializer<Channel> {

    private final ServerConfig config;
    private final ConnectionSettings settings;

    public Http1ChannelInitializer(ServerConfig config, ConnectionSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    @Override
    protected void initChannel(Channel ch) {
        Http1RequestDecoder decoder =
                new Http1RequestDecoder(config.maxUriLength(), config.maxHeaderSize(), config.maxBodySize(),
                        settings.counters());
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast("decoder", decoder);
        pipeline.addLast("encoder", new Http1ResponseEncoder(settings.counters()));
        pipeline.addLast("connection", new Http1Connection(settings, decoder));
    }
}
