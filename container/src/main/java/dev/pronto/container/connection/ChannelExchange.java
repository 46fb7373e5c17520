package dev.pronto.container.connection;

import dev.pronto.container.CompletionBatch;
import dev.pronto.container.HttpExchange;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import javax.net.ssl.SSLSession;

/**
 * The part of an {@link HttpExchange} that any protocol answers the same way from the channel under it (scheme,
 * addresses, TLS session, connection id, event loop, allocator); HTTP/1.1 exchanges and HTTP/2 streams extend it.
 * Any thread.
 */
public abstract class ChannelExchange implements HttpExchange {

    private static final AtomicLongFieldUpdater<ChannelExchange> QUEUED =
            AtomicLongFieldUpdater.newUpdater(ChannelExchange.class, "queuedBytes");

    final ChannelFacts facts;
    /** Body bytes handed to the connection but not yet to the channel (any thread adds, event loop subtracts). */
    private volatile long queuedBytes;
    /** Body bytes the application handed over (its writing thread only). */
    protected long bodyBytes;
    /** Where completions made off the event loop wait for one hand-back; null: wake the loop at once. */
    private volatile CompletionBatch batch;

    protected ChannelExchange(ChannelFacts facts) {
        this.facts = facts;
    }

    // ---- what the protocols keep the same way ----------------------------------------------------------

    @Override
    public long bodyBytesSent() {
        return bodyBytes;
    }

    @Override
    public void handBackVia(CompletionBatch completions) {
        batch = completions;
    }

    /** The batch this exchange's off-loop completions wait in, or null. Any thread. */
    public CompletionBatch completionBatch() {
        return batch;
    }

    /** Hands back what waits in this exchange's batch now (an explicit flush, a wait for writability). */
    protected void handBackNow() {
        CompletionBatch b = batch;
        if (b != null) {
            b.handBack();
        }
    }

    /** Adds (or, negative, takes away) body bytes on their way to the channel. Any thread. */
    public void addQueued(long bytes) {
        if (bytes != 0) {
            QUEUED.addAndGet(this, bytes);
        }
    }

    /** Body bytes handed over but not yet given to the channel. */
    public long queuedBytes() {
        return queuedBytes;
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
    protected void beforeAwaitWritable() {
    }
}
