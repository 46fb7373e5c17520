package dev.pronto.container;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * A connection after a protocol upgrade, as its {@link UpgradedProtocol} sees it: raw bytes out, reading paused and
 * resumed for backpressure, an idle timeout, close. {@link #write} and {@link #close} may be called from any thread;
 * the rest on the event loop. A buffer given to {@link #write} is owned, and released, by the channel.
 */
public interface UpgradedChannel {

    EventLoop eventLoop();

    ByteBufAllocator alloc();

    /** Writes {@code data} (flushing it when {@code flush}); the future completes when it left or failed. */
    ChannelFuture write(ByteBuf data, boolean flush);

    /** Sends what was written so far. */
    void flush();

    /** False while the outbound buffer is above its high-water mark; {@link UpgradedProtocol#onWritable} follows. */
    boolean isWritable();

    /** Stops reading from the socket (backpressure) until {@link #resumeReading()}. */
    void pauseReading();

    void resumeReading();

    /**
     * Closes the connection when nothing was read or written for {@code millis} ({@code 0}: never); starts with the
     * server's idle timeout. Calls {@link UpgradedProtocol#onIdleTimeout} instead of closing directly.
     */
    void idleTimeout(long millis);

    /** Closes the connection once what was written has been flushed. */
    void close();

    /** Closes the connection at once, dropping what was not sent (a peer that stopped reading). */
    void abort();

    boolean isOpen();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();
}
