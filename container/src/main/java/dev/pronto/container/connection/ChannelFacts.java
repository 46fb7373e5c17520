package dev.pronto.container.connection;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;

/**
 * What an exchange learns about the channel under it: id, addresses, TLS session, event loop, allocator. Read by
 * any thread; nothing here changes after the channel became active, except the TLS session looked up when asked.
 */
public final class ChannelFacts {

    private final Channel channel;
    private final boolean secure;

    /** @param secure whether the channel's pipeline starts with a TLS handler */
    public ChannelFacts(Channel channel, boolean secure) {
        this.channel = channel;
        this.secure = secure;
    }

    String scheme() {
        return secure ? "https" : "http";
    }

    boolean isSecure() {
        return secure;
    }

    String id() {
        return channel.id().asShortText();
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    ByteBufAllocator alloc() {
        return channel.alloc();
    }

    /** The TLS session of a secure connection (looked up when asked), else null. */
    SSLSession tlsSession() {
        if (!secure) {
            return null;
        }
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        return ssl == null ? null : ssl.engine().getSession();
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }
}
