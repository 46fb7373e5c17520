package dev.pronto.container.http1;

import dev.pronto.container.connection.EngineCounters;
import dev.pronto.container.connection.LoopCounters;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.util.List;

/**
 * Netty's response encoder, plus the engine's pre-encoded header lines right after the status line, and told which
 * responses answer a {@code HEAD} request so that it frames no body for them. Runs on the event loop; releases
 * every message it encodes.
 */
public final class Http1ResponseEncoder extends HttpResponseEncoder {

    private final EngineCounters counters;
    private LoopCounters loopCounters;

    public Http1ResponseEncoder() {
        this(new EngineCounters());
    }

    /** An encoder that counts the size of everything it encodes into {@code counters} (the server's metrics). */
    public Http1ResponseEncoder(EngineCounters counters) {
        this.counters = counters;
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
