package dev.pronto.benchmarks.peers.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers {@code /plaintext} and {@code /json} behind an {@code HttpServerCodec}. Runs on the
 * channel's event loop and never blocks. It releases every message it reads; responses are
 * written without a flush and flushed once per read batch in {@link #channelReadComplete}, so a
 * pipelined batch leaves in one {@code writev}.
 */
public final class HelloWorldHandler extends ChannelInboundHandlerAdapter {
    private CachedDate date;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        date = CachedDate.of(ctx.channel().eventLoop());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                onRequest(ctx, request);
            }
            // Body chunks and LastHttpContent: the two GET endpoints read no body.
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            // The framing can no longer be trusted: answer and close.
            ctx.write(HelloResponses.empty(HttpResponseStatus.BAD_REQUEST, date.value()))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        FullHttpResponse response = switch (request.uri()) {
            case "/plaintext" -> HelloResponses.plaintext(date.value());
            case "/json" -> HelloResponses.json(ctx.alloc(), date.value());
            default -> HelloResponses.empty(HttpResponseStatus.NOT_FOUND, date.value());
        };
        if (!HttpUtil.isKeepAlive(request)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.write(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
            // RFC 9112 §9.3: an HTTP/1.0 client keeps the connection only if told so.
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ctx.write(response);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
