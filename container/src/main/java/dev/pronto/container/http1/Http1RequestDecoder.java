package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/** TEMPORARY stand-in until the strict decoder lands. */
public final class Http1RequestDecoder extends HttpRequestDecoder {
    public Http1RequestDecoder(int maxUriLength, int maxHeaderSize, long maxBodySize) {
        super(new HttpDecoderConfig().setMaxInitialLineLength(maxUriLength + 64).setMaxHeaderSize(maxHeaderSize)
                .setStrictLineParsing(true).setAllowDuplicateContentLengths(false));
    }

    public boolean isHeadInProgress() {
        return false;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        int before = out.size();
        super.decode(ctx, buffer, out);
        for (int i = before; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof HttpObject h && h.decoderResult().isFailure()) {
                ReferenceCountUtil.release(o);
                out.set(i, new Http1DecodeError(HttpResponseStatus.BAD_REQUEST, String.valueOf(h.decoderResult().cause())));
            }
        }
    }
}
