package dev.pronto.websocket;

import dev.pronto.container.UpgradedChannel;
import io.netty.buffer.ByteBuf;
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
 * Tyrus's frame writer over the upgraded channel. Each frame is copied into a pooled direct buffer (the socket write
 * would copy a heap buffer anyway), and the send completes once the channel holds it, as a blocking send completes on
 * Tomcat once the socket took it: a sender does not wait for the event loop. Frames written by the thread that is
 * handling a read ({@link #beginBatch}) are gathered and written once when it is done, so a read of many messages
 * costs one hand-over to the loop and one socket write. Backpressure: a sender (never the event loop) waits while the
 * channel is above its high-water mark, up to the send timeout, so a client that stops reading holds at most the
 * mark plus one frame (or one {@link #BATCH_LIMIT}) per sending thread. Any thread; the batch is its thread's only.
 */
final class ChannelWriter extends Writer {

    /** A read's gathered answers are written out when they reach this size. */
    static final int BATCH_LIMIT = 64 * 1024;

    private final long sendTimeoutMillis;
    private final Object lock = new Object();
    private volatile UpgradedChannel channel;
    private volatile boolean closed;
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile long lastProgress = System.nanoTime();
    private volatile ScheduledFuture<?> watchdog;
    /** The thread handling a read, whose frames are gathered in {@link #batch} until {@link #endBatch}. */
    private volatile Thread batchThread;
    private ByteBuf batch;

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
     * A write never completes while the client does not read: when writes are outstanding and none completed for the
     * send timeout, the connection is aborted, which makes later sends fail. One check per connection and period, not
     * a timer per message.
     */
    private void checkProgress() {
        if (unfinished.get() > 0 && System.nanoTime() - lastProgress > sendTimeoutMillis * 1_000_000L) {
            channel.abort();
        }
    }

    /** The reading worker: frames this thread writes from now on are gathered. */
    void beginBatch() {
        batchThread = Thread.currentThread();
    }

    /** The reading worker: writes what it gathered (always call it, in a finally: the batch holds a buffer). */
    void endBatch() {
        batchThread = null;
        writeBatch();
    }

    /** The reading worker: writes the gathered frames now (before closing, or before waiting for the socket). */
    void writeBatch() {
        ByteBuf gathered = batch;
        if (gathered != null) {
            batch = null;
            send(gathered);
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
        boolean batching = Thread.currentThread() == batchThread;
        if (!ch.isWritable() && !ch.eventLoop().inEventLoop()) {
            if (batching) {
                writeBatch(); // what this thread holds must go first, or the wait could outlast the client's patience
            }
            try {
                awaitWritable(ch);
            } catch (IOException e) {
                completionHandler.failed(e);
                ch.abort();
                return;
            }
        }
        int n = buffer.remaining();
        if (batching) {
            if (batch == null) {
                batch = ch.alloc().directBuffer(Math.max(n, 512));
            }
            batch.writeBytes(buffer.duplicate());
            if (batch.readableBytes() >= BATCH_LIMIT) {
                writeBatch();
            }
        } else {
            send(ch.alloc().directBuffer(n, n).writeBytes(buffer.duplicate()));
        }
        completionHandler.completed(buffer); // copied: Tyrus may reuse the buffer
    }

    /** Hands {@code data} to the channel (which releases it); progress is tracked for the watchdog. */
    private void send(ByteBuf data) {
        if (unfinished.incrementAndGet() == 1) {
            lastProgress = System.nanoTime(); // the clock starts with the first outstanding write
        }
        channel.write(data, true).addListener(f -> {
            unfinished.decrementAndGet();
            lastProgress = System.nanoTime();
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

    /** Closes the connection after what was written so far, the calling thread's gathered frames included. */
    @Override
    public void close() {
        if (Thread.currentThread() == batchThread) {
            writeBatch();
        }
        UpgradedChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }
}
