package dev.pronto.container.http2;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;

/**
 * Routes the frames Netty's decoder validated to the connection: a stream's first HEADERS is a request, a second
 * one its trailers, DATA its body. Control frames (SETTINGS, PING, WINDOW_UPDATE, GOAWAY, RST_STREAM) are handled
 * by the codec itself. Event loop.
 */
final class Http2StreamListener extends Http2FrameAdapter {

    private final Http2ServerConnection connection;

    Http2StreamListener(Http2ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
                              boolean endOfStream) throws Http2Exception {
        Http2Stream stream = connection.connection().stream(streamId);
        if (stream == null) {
            return;
        }
        if (connection.hasRequest(stream)) {
            connection.onTrailers(stream, headers, endOfStream);
        } else {
            connection.onRequest(stream, headers, endOfStream);
        }
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                              short weight, boolean exclusive, int padding, boolean endOfStream)
            throws Http2Exception {
        onHeadersRead(ctx, streamId, headers, padding, endOfStream); // priority signals are ignored (RFC 9113 §5.3.2)
    }

    @Override
    public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
        Http2Stream stream = connection.connection().stream(streamId);
        if (stream == null) {
            return data.readableBytes() + padding;
        }
        return connection.onData(stream, data, padding, endOfStream);
    }
}
