package dev.pronto.container;

import io.netty.buffer.ByteBuf;

/**
 * The protocol a connection speaks after a {@code 101 Switching Protocols} ({@link HttpExchange#upgrade}): it gets
 * every byte the client sends after the upgrade request, never parsed as HTTP. Every method runs on the
 * connection's event loop and must not block; {@link #onData} owns, and must release, the buffer it is given.
 */
public interface UpgradedProtocol {

    /** The 101 head is written (and flushed); {@code channel} is how this protocol writes and closes from now on. */
    void onUpgraded(UpgradedChannel channel);

    /** Bytes from the client; this protocol releases {@code data}. */
    void onData(ByteBuf data);

    /** The end of one read from the socket: a good moment to flush what the reads produced. */
    default void onReadComplete() {
    }

    /** The channel became writable again after {@link UpgradedChannel#isWritable()} was false. */
    default void onWritable() {
    }

    /**
     * Nothing was read or written for the channel's idle timeout ({@link UpgradedChannel#idleTimeout}); the default
     * is to close the connection. A protocol may close politely instead (WebSocket: 1001).
     */
    default void onIdleTimeout(UpgradedChannel channel) {
        channel.close();
    }

    /**
     * The server's graceful shutdown began; the protocol should finish politely and close (WebSocket: close 1001).
     * The default closes at once. The server closes the channel anyway when its grace period ends.
     */
    default void onShutdown(UpgradedChannel channel) {
        channel.close();
    }

    /** The connection closed (either side); called once, last. */
    void onClosed();
}
