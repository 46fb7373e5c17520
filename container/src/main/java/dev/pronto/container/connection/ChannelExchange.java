package dev.pronto.container.connection;

import dev.pronto.container.HttpExchange;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;

/**
 * The part of an {@link HttpExchange} that any protocol answers the same way from the channel under it (scheme,
 * addresses, TLS session, connection id, event loop, allocator); an HTTP/1.1 exchange extends it, an HTTP/2 stream
 * can too. Any thread.
 */
abstract class ChannelExchange implements HttpExchange {

    final ChannelFacts facts;

    ChannelExchange(ChannelFacts facts) {
        this.facts = facts;
    }

    @Override
    public String scheme() {
        return facts.scheme();
    }

    @Override
    public SSLSession tlsSession() {
        return facts.tlsSession();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return facts.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return facts.localAddress();
    }

    @Override
    public String connectionId() {
        return facts.id();
    }

    @Override
    public EventLoop eventLoop() {
        return facts.eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
        return facts.alloc();
    }

    @Override
    public void awaitWritable(long timeoutMillis) throws IOException {
        if (!isWritable()) {
            beforeAwaitWritable();
            HttpExchange.super.awaitWritable(timeoutMillis);
        }
    }

    /** Runs before blocking for writability: what the exchange holds back must leave first. */
    void beforeAwaitWritable() {
    }
}
