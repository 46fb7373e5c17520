package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Netty's response encoder, plus the engine's pre-encoded header lines right after the status line, and told which
 * responses answer a {@code HEAD} request so that it frames no body for them. Runs on the event loop; releases
 * every message it encodes.
 */
public final class Http1ResponseEncoder extends HttpResponseEncoder {

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
