package dev.pronto.benchmarks.peers.prontows;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;

/**
 * One load connection's pipeline: HTTP for the opening handshake, Netty's WebSocket client protocol handler (masking,
 * control frames), then {@link LoadHandler}, which hands text frames to the run's {@link LoadState}. The client's
 * event loop.
 */
final class LoadChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final WebSocketClientProtocolConfig config;
    private final LoadState state;

    LoadChannelInitializer(URI uri, LoadState state) {
        this.config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(1 << 20)
                .handshakeTimeoutMillis(30_000)
                .dropPongFrames(true)
                .withUTF8Validator(false) // the client's cost, not the server's: the payload is ASCII
                .build();
        this.state = state;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                new WebSocketClientProtocolHandler(config), new LoadHandler(state));
    }

    /** Counts and answers text frames; flushes what it wrote once per read batch. */
    static final class LoadHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final LoadState state;

        LoadHandler(LoadState state) {
            this.state = state;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                state.handshaken(ctx.channel());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame && frame.isFinalFragment()) {
                state.onMessage(ctx.channel());
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            state.readComplete(ctx.channel());
            ctx.fireChannelReadComplete();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            state.closed(ctx.channel());
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            state.failed(cause);
            ctx.close();
        }
    }
}
