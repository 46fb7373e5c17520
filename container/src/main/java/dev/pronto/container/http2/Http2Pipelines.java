package dev.pronto.container.http2;

import io.netty.channel.ChannelPipeline;

/** Puts the HTTP/2 connection handler at the end of a channel's pipeline once HTTP/2 was chosen. Stateless. */
public final class Http2Pipelines {

    private Http2Pipelines() {
    }

    /** Adds the HTTP/2 handler; it counts the connection at once when the channel is already active. Event loop. */
    public static void addHttp2(ChannelPipeline pipeline, Http2ServerSettings settings, boolean secure) {
        pipeline.addLast("h2-bytes-out", new Http2BytesOut(settings.counters));
        pipeline.addLast("h2", new Http2ConnectionBuilder(settings, secure).build());
    }
}
