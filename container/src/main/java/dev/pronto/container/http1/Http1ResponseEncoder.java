package dev.pronto.container.http1;

import dev.pronto.container.connection.EngineCounters;
import dev.pronto.container.connection.LoopCounters;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.util.List;

/**
 * Netty's response encoder, plus the engine's pre-encoded header lines right after the status line, told which
 * responses answer a {@code HEAD} request so that it frames no body for them, and gathering: whole small responses
 * written between two flushes are encoded into one buffer, so a pipelined batch leaves in one write of one buffer
 * (Japronto's lesson) rather than a gathering write of a buffer per response. Runs on the event loop; releases
 * every message it encodes, and what it gathered if the channel closes before a flush.
 */
public final class Http1ResponseEncoder extends HttpResponseEncoder {

    /** A gathered batch is written out once it would pass this size: then a gathering write costs less. */
    static final int MAX_GATHER = 16 * 1024;
    private static final int CRLF = ('\r' << 8) | '\n';

    private final EngineCounters counters;
    private LoopCounters loopCounters;
    /** The responses encoded since the last flush, or null. */
    private ByteBuf gathered;

    public Http1ResponseEncoder() {
        this(new EngineCounters());
    }

    /** An encoder that counts the size of everything it encodes into {@code counters} (the server's metrics). */
    public Http1ResponseEncoder(EngineCounters counters) {
        this.counters = counters;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof Http1FullResponse full && promise.isVoid() && gatherable(full)) {
            gather(ctx, full);
            return;
        }
        writeGathered(ctx); // anything else keeps its place after what was gathered
        super.write(ctx, msg, promise);
    }

    /**
     * A whole response with a small body, a status whose headers Netty's encoder leaves alone (it rewrites those of
     * 1xx, 204, 205 and 304) and no {@code Transfer-Encoding} of the application's (Netty's path chunks the body).
     */
    private static boolean gatherable(Http1FullResponse full) {
        int code = full.status().code();
        return code >= 200 && code != 204 && code != 205 && code != 304
                && full.content().readableBytes() <= MAX_GATHER / 4
                && !full.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    private void gather(ChannelHandlerContext ctx, Http1FullResponse full) throws Exception {
        ByteBuf content = full.content();
        try {
            if (gathered == null) {
                gathered = ctx.alloc().ioBuffer(1024);
            }
            int start = gathered.writerIndex();
            encodeInitialLine(gathered, full);
            encodeHeaders(full.headers(), gathered);
            gathered.writeShort(CRLF);
            gathered.writeBytes(content, content.readerIndex(), content.readableBytes());
            countBytesOut(gathered.writerIndex() - start);
        } finally {
            full.release();
        }
        if (gathered.readableBytes() >= MAX_GATHER) {
            writeGathered(ctx);
        }
    }

    private void writeGathered(ChannelHandlerContext ctx) {
        ByteBuf batch = gathered;
        if (batch != null) {
            gathered = null;
            ctx.write(batch, ctx.voidPromise());
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        writeGathered(ctx);
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        releaseGathered(); // unflushed writes are dropped by a close, as Netty's outbound buffer drops them
        super.close(ctx, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        releaseGathered();
        super.handlerRemoved(ctx);
    }

    private void releaseGathered() {
        if (gathered != null) {
            gathered.release();
            gathered = null;
        }
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
        int first = out.size();
        super.encode(ctx, msg, out);
        long bytes = 0;
        for (int i = first; i < out.size(); i++) {
            Object part = out.get(i);
            if (part instanceof ByteBuf buf) {
                bytes += buf.readableBytes();
            } else if (part instanceof FileRegion region) {
                bytes += region.count();
            }
        }
        countBytesOut(bytes);
    }

    private void countBytesOut(long bytes) {
        if (bytes != 0) {
            LoopCounters loop = loopCounters;
            if (loop == null) {
                loopCounters = loop = counters.forCurrentLoop(); // encoding runs on the channel's loop
            }
            loop.addBytesOut(bytes);
        }
    }

    @Override
    protected void encodeInitialLine(ByteBuf buf, HttpResponse response) throws Exception {
        super.encodeInitialLine(buf, response);
        if (response instanceof EngineHeaderLines.Source source) {
            EngineHeaderLines.write(source, buf);
        }
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse msg) {
        return msg instanceof Http1ResponseHead head && head.isHeadRequest() || super.isContentAlwaysEmpty(msg);
    }
}
