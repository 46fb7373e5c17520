package dev.pronto.container.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Gathers the small buffers written between two flushes into one, so that a pipelined batch's responses leave as
 * one buffer in one write rather than a gathering write of many (Japronto's lesson). A lone buffer is held as it is,
 * without a copy. Only buffers written with the void promise are gathered; anything else (a file region, a write
 * someone listens to) first pushes out what was gathered, so order holds. Event loop only; owns what it holds until
 * it writes it, and releases it if the channel closes first.
 */
final class BatchWriteCoalescer extends ChannelOutboundHandlerAdapter {

    /** Beyond this many bytes a gathering write costs less than the copy. */
    static final int MAX_GATHER = 16 * 1024;

    private ByteBuf first;
    private ByteBuf gathered;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf && promise.isVoid() && buf.readableBytes() <= MAX_GATHER) {
            gather(ctx, buf);
            return;
        }
        writeHeld(ctx);
        ctx.write(msg, promise);
    }

    private void gather(ChannelHandlerContext ctx, ByteBuf buf) {
        if (first == null && gathered == null) {
            first = buf;
            return;
        }
        int held = gathered != null ? gathered.readableBytes() : first.readableBytes();
        if (held + buf.readableBytes() > MAX_GATHER) {
            writeHeld(ctx);
            first = buf;
            return;
        }
        if (gathered == null) {
            gathered = ctx.alloc().directBuffer(Math.max(4096, held + buf.readableBytes()), MAX_GATHER);
            gathered.writeBytes(first);
            first.release();
            first = null;
        }
        gathered.writeBytes(buf);
        buf.release();
    }

    private void writeHeld(ChannelHandlerContext ctx) {
        ByteBuf held = gathered != null ? gathered : first;
        gathered = null;
        first = null;
        if (held != null) {
            ctx.write(held, ctx.voidPromise());
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        writeHeld(ctx);
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        releaseHeld();
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseHeld();
    }

    private void releaseHeld() {
        if (first != null) {
            first.release();
            first = null;
        }
        if (gathered != null) {
            gathered.release();
            gathered = null;
        }
    }
}
