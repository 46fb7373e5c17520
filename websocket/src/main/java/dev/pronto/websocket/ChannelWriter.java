package dev.pronto.websocket;

import dev.pronto.container.UpgradedChannel;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * Tyrus's frame writer over the upgraded channel. Backpressure: a sender (never the event loop) waits while the
 * channel is above its high-water mark, up to the send timeout, so a client that stops reading holds at most the
 * mark plus one frame per sending thread. Any thread.
 */
final class ChannelWriter extends Writer {

    private final long sendTimeoutMillis;
    private final Object lock = new Object();
    private volatile UpgradedChannel channel;
    private volatile boolean closed;

    ChannelWriter(long sendTimeoutMillis) {
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    void attach(UpgradedChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
        UpgradedChannel ch = channel;
        if (closed || ch == null || !ch.isOpen() || ch.eventLoop().isShuttingDown()) {
            completionHandler.failed(new ClosedChannelException());
            return;
        }
        if (!ch.isWritable() && !ch.eventLoop().inEventLoop()) {
            try {
                awaitWritable(ch);
            } catch (IOException e) {
                completionHandler.failed(e);
                ch.abort();
                return;
            }
        }
        // The buffer is Tyrus's and not touched after the write completes; wrapping avoids a copy.
        ChannelFuture written = ch.write(Unpooled.wrappedBuffer(buffer), true);
        written.addListener(f -> {
            if (f.isSuccess()) {
                completionHandler.completed(buffer);
            } else {
                completionHandler.failed(f.cause());
            }
        });
        if (!ch.isWritable() && sendTimeoutMillis > 0) {
            // Above the mark: this write may never leave if the client stopped reading. A blocking sender waits on
            // it, so it must fail in time: the connection is closed, which fails every pending write.
            ch.eventLoop().schedule(() -> {
                if (!written.isDone()) {
                    ch.abort();
                }
            }, sendTimeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void awaitWritable(UpgradedChannel ch) throws IOException {
        long deadline = System.nanoTime() + sendTimeoutMillis * 1_000_000L;
        synchronized (lock) {
            while (!closed && !ch.isWritable()) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (sendTimeoutMillis > 0 && left <= 0) {
                    throw new SocketTimeoutException("WebSocket send timed out: the client does not read");
                }
                try {
                    lock.wait(sendTimeoutMillis > 0 ? Math.max(1, Math.min(left, 100)) : 100); // re-checked: writability flips on the loop
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting to send", e);
                }
            }
        }
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    void onWritable() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    void onClosed() {
        closed = true;
        onWritable();
    }

    @Override
    public void close() {
        UpgradedChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }
}
