package dev.pronto.benchmarks.peers.netty;

import dev.pronto.benchmarks.peers.PeerMain;
import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.RunningPeer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.NettyRuntime;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The raw Netty peer: {@code HttpServerCodec} plus {@link HelloWorldHandler}, epoll when the
 * native transport loads (NIO otherwise), {@code --threads N} event loops (default: available
 * processors) that both accept and serve.
 */
public final class RawNettyServer {

    private RawNettyServer() {
    }

    public static void main(String[] args) {
        PeerMain.run("netty", true, args, RawNettyServer::start);
    }

    /** Binds and starts serving; returns once the server channel is bound. */
    public static RunningPeer start(PeerOptions options) throws InterruptedException {
        return start(options, true);
    }

    /** As {@link #start(PeerOptions)}; {@code preferEpoll=false} forces NIO (tests cover both). */
    static RunningPeer start(PeerOptions options, boolean preferEpoll) throws InterruptedException {
        boolean epoll = preferEpoll && Epoll.isAvailable();
        int threads = options.threads() > 0 ? options.threads() : NettyRuntime.availableProcessors();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        Channel channel;
        try {
            channel = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new HelloWorldInitializer())
                    .bind(options.host(), options.port())
                    .sync()
                    .channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        String description = (epoll ? "epoll" : "nio") + ", " + threads + " event loop(s)";
        return new RunningPeer() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void close() {
                channel.close().syncUninterruptibly();
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        };
    }

    /** Sets up each accepted channel; runs on the channel's event loop. */
    static final class HelloWorldInitializer extends ChannelInitializer<SocketChannel> {
        // As TechEmpower's Netty entry: request header validation off, small line and header limits.
        private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
                .setMaxInitialLineLength(4096)
                .setMaxHeaderSize(8192)
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false));

        @Override
        protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(DECODER), new HelloWorldHandler());
        }
    }
}
