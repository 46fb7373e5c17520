package dev.pronto.container.http2;

import dev.pronto.container.connection.EngineCounters;
import dev.pronto.container.connection.LoopCounters;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes an HTTP/2 connection writes (frames as encoded, before TLS) into the server's metrics, as
 * {@code Http1ResponseEncoder} does for HTTP/1.1; sits right before the connection handler. Event loop; passes every
 * message on untouched (the next handler owns it).
 */
final class Http2BytesOut extends ChannelOutboundHandlerAdapter {

    private final EngineCounters counters;
    private LoopCounters loop;

    Http2BytesOut(EngineCounters counters) {
        this.counters = counters;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        loop = counters.forCurrentLoop();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            loop.addBytesOut(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
