package dev.pronto.container.http2;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The first handler of a cleartext port that speaks h2c: reads the first bytes and chooses HTTP/2 if they are the
 * client connection preface (RFC 9113 §3.3, prior knowledge), else HTTP/1.1, then hands every byte read so far to
 * the chosen handlers and removes itself. The chosen handlers see the channel become active only then, so the
 * connection is counted and timed by the protocol that serves it; until then this handler's own timer (the head
 * timeout) closes a client that says nothing. Event loop.
 */
public final class Http2PrefaceDetector extends ByteToMessageDecoder {

    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final Http2ServerSettings settings;
    private final Consumer<ChannelPipeline> http1;
    private ScheduledFuture<?> timeout;

    /** @param http1 adds the HTTP/1.1 handlers at the end of the pipeline */
    public Http2PrefaceDetector(Http2ServerSettings settings, Consumer<ChannelPipeline> http1) {
        this.settings = settings;
        this.http1 = http1;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // not passed on yet: the protocol's own handlers see it once chosen
        timeout = ctx.executor().schedule(() -> {
            ctx.close();
        }, settings.headTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int n = Math.min(in.readableBytes(), PREFACE.readableBytes());
        boolean prefix = ByteBufUtil.equals(in, in.readerIndex(), PREFACE, 0, n);
        if (prefix && n < PREFACE.readableBytes()) {
            return; // could still be the preface: wait for more
        }
        if (timeout != null) {
            timeout.cancel(false);
        }
        ChannelPipeline pipeline = ctx.pipeline();
        if (prefix) {
            Http2Pipelines.addHttp2(pipeline, settings, false);
        } else {
            http1.accept(pipeline);
            ctx.fireChannelActive();
        }
        pipeline.remove(this); // hands the bytes read so far to the chosen handlers
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timeout != null) {
            timeout.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
