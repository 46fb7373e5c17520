package dev.pronto.container.http2;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2Stream;

/**
 * Writes one {@link Http2Op} through the connection's encoder: DATA goes to Netty's remote flow controller, which
 * sends it as the stream's and the connection's send windows allow (RFC 9113 §5.2). Stateless; event loop.
 */
final class Http2FrameWrites {

    private Http2FrameWrites() {
    }

    static void write(Http2ServerConnection connection, ChannelHandlerContext ctx, Http2Stream stream, Http2Op op) {
        Http2ConnectionEncoder encoder = connection.encoder();
        Http2StreamExchange exchange = op.exchange();
        int id = stream.id();
        switch (op.kind()) {
            case HEADERS -> {
                exchange.wireStarted = true;
                ChannelFuture f = encoder.writeHeaders(ctx, id, op.headers(), 0, op.endStream(), ctx.newPromise());
                if (op.endStream()) {
                    connection.resetWhenWritten(id, f);
                }
            }
            case FULL -> {
                exchange.wireStarted = true;
                encoder.writeHeaders(ctx, id, op.headers(), 0, false, ctx.newPromise());
                connection.resetWhenWritten(id, encoder.writeData(ctx, id, op.data(), 0, true, ctx.newPromise()));
            }
            case DATA -> {
                exchange.wireStarted = true;
                ChannelFuture f = encoder.writeData(ctx, id, op.data(), 0, op.endStream(), ctx.newPromise());
                if (op.endStream()) {
                    connection.resetWhenWritten(id, f);
                }
            }
            case RESET -> connection.resetStream(ctx, id, op.code(), ctx.newPromise());
            case CONSUME -> connection.consume(stream, (int) op.code());
            case INTERIM -> {
                if (!exchange.wireStarted && !exchange.continueSent) {
                    exchange.continueSent = true; // RFC 9113 §8.1: a 1xx is a HEADERS frame without END_STREAM
                    encoder.writeHeaders(ctx, id, Http2ServerConnection.continueHeaders(), 0, false,
                            ctx.newPromise());
                }
            }
        }
    }
}
