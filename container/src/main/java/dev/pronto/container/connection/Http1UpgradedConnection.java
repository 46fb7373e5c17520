package dev.pronto.container.connection;

import dev.pronto.container.UpgradedChannel;
import dev.pronto.container.UpgradedProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection after {@code 101 Switching Protocols}: sits in the pipeline in front of the {@link Http1Connection}
 * (which stays only to be counted and drained), takes the HTTP codec out, and feeds every byte to the
 * {@link UpgradedProtocol}. Event loop, except {@link #write} and {@link #close}. Buffers read are handed to the
 * protocol, which releases them.
 * <pre>
 *   SWITCHING --start: codec removed, held bytes delivered--> OPEN --either side closes--> CLOSED
 * </pre>
 */
final class Http1UpgradedConnection extends ChannelInboundHandlerAdapter implements UpgradedChannel {

    private static final Logger log = LoggerFactory.getLogger(Http1UpgradedConnection.class);

    private enum State { SWITCHING, OPEN, CLOSED }

    private final UpgradedProtocol protocol;
    private ChannelHandlerContext ctx;
    private State state = State.SWITCHING;
    private long idleTimeoutNanos;
    private volatile long lastActivity = System.nanoTime();
    private ScheduledFuture<?> idleTimer;

    Http1UpgradedConnection(UpgradedProtocol protocol, long idleTimeoutNanos) {
        this.protocol = protocol;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    /**
     * Switches the pipeline, in front of {@code connection}'s context: this handler goes in, the response encoder and
     * the decoder come out (the decoder passes the bytes it held back to this handler as it leaves).
     */
    static Http1UpgradedConnection install(ChannelHandlerContext connection, UpgradedProtocol protocol,
                                           long idleTimeoutNanos) {
        Http1UpgradedConnection upgraded = new Http1UpgradedConnection(protocol, idleTimeoutNanos);
        ChannelPipeline pipeline = connection.pipeline();
        pipeline.addBefore(connection.name(), "upgraded", upgraded);
        connection.flush(); // the 101 leaves before anything of the new protocol
        pipeline.remove("encoder");
        upgraded.state = State.OPEN;
        try {
            protocol.onUpgraded(upgraded);
        } catch (RuntimeException e) {
            log.warn("Upgraded protocol failed to start on {}", connection.channel().id().asShortText(), e);
            upgraded.close();
        }
        upgraded.armIdleTimer();
        pipeline.remove("decoder"); // fires its held bytes into this handler
        return upgraded;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state != State.OPEN || !(msg instanceof ByteBuf data)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        lastActivity = System.nanoTime();
        try {
            protocol.onData(data);
        } catch (RuntimeException e) {
            log.warn("Upgraded protocol failed on {}", ctx.channel().id().asShortText(), e);
            close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (state == State.OPEN) {
            protocol.onReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (state == State.OPEN && ctx.channel().isWritable()) {
            protocol.onWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        boolean wasOpen = state == State.OPEN;
        state = State.CLOSED;
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        if (wasOpen) {
            try {
                protocol.onClosed();
            } catch (RuntimeException e) {
                log.warn("Upgraded protocol failed on close of {}", ctx.channel().id().asShortText(), e);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("Upgraded connection {} failed: {}", ctx.channel().id().asShortText(), cause.toString());
        } else {
            log.warn("Upgraded connection {} failed", ctx.channel().id().asShortText(), cause);
        }
        ctx.close();
    }

    // ---- graceful shutdown and idle timeout -------------------------------------------------------------------

    /** The server is draining: the protocol says goodbye its own way. Event loop. */
    void shutdown() {
        if (state == State.OPEN) {
            protocol.onShutdown(this);
        }
    }

    @Override
    public void idleTimeout(long millis) {
        if (!eventLoop().inEventLoop()) {
            eventLoop().execute(() -> idleTimeout(millis));
            return;
        }
        idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
        armIdleTimer();
    }

    private void armIdleTimer() {
        if (idleTimeoutNanos > 0 && state == State.OPEN) {
            long delay = lastActivity + idleTimeoutNanos - System.nanoTime();
            idleTimer = eventLoop().schedule(this::onIdleTimer, Math.max(0, delay), TimeUnit.NANOSECONDS);
        }
    }

    private void onIdleTimer() {
        idleTimer = null;
        if (state != State.OPEN) {
            return;
        }
        if (System.nanoTime() - (lastActivity + idleTimeoutNanos) >= 0) {
            log.debug("Upgraded connection {}: idle timeout", ctx.channel().id().asShortText());
            protocol.onIdleTimeout(this);
            return;
        }
        armIdleTimer();
    }

    // ---- UpgradedChannel --------------------------------------------------------------------------------------

    @Override
    public EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public ChannelFuture write(ByteBuf data, boolean flush) {
        lastActivity = System.nanoTime();
        return flush ? ctx.writeAndFlush(data) : ctx.write(data);
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void pauseReading() {
        ctx.channel().config().setAutoRead(false);
    }

    @Override
    public void resumeReading() {
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void close() {
        if (!ctx.channel().isOpen() || ctx.executor().isShuttingDown()) {
            return; // closed already, or the server stopped and took the event loop with it
        }
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void abort() {
        ctx.channel().close();
    }

    @Override
    public boolean isOpen() {
        return state != State.CLOSED && ctx.channel().isActive();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) ctx.channel().remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) ctx.channel().localAddress();
    }
}
