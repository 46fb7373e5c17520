package dev.pronto.websocket;

import dev.pronto.container.UpgradedChannel;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

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
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile long lastProgress = System.nanoTime();
    private volatile ScheduledFuture<?> watchdog;

    ChannelWriter(long sendTimeoutMillis) {
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    /** Event loop: starts the watchdog that fails writes a client leaves unread beyond the send timeout. */
    void attach(UpgradedChannel channel) {
        this.channel = channel;
        if (sendTimeoutMillis > 0) {
            watchdog = channel.eventLoop().scheduleAtFixedRate(this::checkProgress, sendTimeoutMillis,
                    sendTimeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A sender blocks on its write (Tyrus's basic remote), and a write never completes while the client does not
     * read: when writes are outstanding and none completed for the send timeout, the connection is aborted, which
     * fails them all. One check per connection and period, not a timer per message.
     */
    private void checkProgress() {
        if (unfinished.get() > 0 && System.nanoTime() - lastProgress > sendTimeoutMillis * 1_000_000L) {
            channel.abort();
        }
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler, WriterInfo info) {
        if (info != null && info.getMessageType() == WriterInfo.MessageType.CLOSE) {
            IdleTimeoutCloseFrame.rewrite(buffer);
        }
        write(buffer, completionHandler);
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
        if (unfinished.incrementAndGet() == 1) {
            lastProgress = System.nanoTime(); // the clock starts with the first outstanding write
        }
        ChannelFuture written = ch.write(Unpooled.wrappedBuffer(buffer), true);
        written.addListener(f -> {
            unfinished.decrementAndGet();
            lastProgress = System.nanoTime();
            if (f.isSuccess()) {
                completionHandler.completed(buffer);
            } else {
                completionHandler.failed(f.cause());
            }
        });
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
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
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
