package dev.pronto.websocket;

import dev.pronto.container.UpgradedChannel;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

/**
 * Tyrus's frame writer over the upgraded channel. Each frame is copied into a pooled direct buffer (the socket write
 * would copy a heap buffer anyway), and the send completes once it is queued for the channel, as a blocking send
 * completes on Tomcat once the socket took it: a sender does not wait for the event loop. Frames written by the thread
 * that is handling a read ({@link #beginBatch}) are gathered and queued once when it is done, and the event loop takes
 * a burst of queued frames in one task with one flush, so a read of many messages, or a broadcast to this session,
 * costs one hand-over to the loop and one socket write. Backpressure: a sender (never the event loop) waits while the
 * channel is above its high-water mark or {@link #QUEUE_LIMIT} waits for the loop, up to the send timeout, so a client
 * that stops reading holds at most those plus one frame (or one {@link #BATCH_LIMIT}) per sending thread. Any thread;
 * the batch is its thread's only.
 */
final class ChannelWriter extends Writer {

    /** A read's gathered answers are written out when they reach this size. */
    static final int BATCH_LIMIT = 64 * 1024;
    static final int MAX_NESTED_COMPLETIONS = 32;
    private static final ThreadLocal<int[]> COMPLETION_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** Senders wait while this much is queued for the next drain (on top of the channel's own high-water mark). */
    static final int QUEUE_LIMIT = 64 * 1024;

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
    /** Frames on their way to the channel; the event loop drains them, one task per burst. */
    private final Queue<ByteBuf> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    private final ChannelFutureListener progress = f -> {
        unfinished.decrementAndGet();
        lastProgress = System.nanoTime();
    };
    private final AtomicInteger waitingSenders = new AtomicInteger();

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
        if (!writable(ch) && !ch.eventLoop().inEventLoop()) {
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
        complete(ch, completionHandler, buffer); // copied: Tyrus may reuse the buffer
    }

    /**
     * Completes a send on the sender's thread, where an application chaining sends from its {@code SendHandler} would
     * nest one completion in the other; past {@link #MAX_NESTED_COMPLETIONS} the completion goes to the event loop,
     * where all completions ran before sends completed early, so the stack stays bounded.
     */
    private static void complete(UpgradedChannel ch, CompletionHandler<ByteBuffer> handler, ByteBuffer buffer) {
        int[] depth = COMPLETION_DEPTH.get();
        if (depth[0] >= MAX_NESTED_COMPLETIONS) {
            ch.eventLoop().execute(() -> handler.completed(buffer));
            return;
        }
        depth[0]++;
        try {
            handler.completed(buffer);
        } finally {
            depth[0]--;
        }
    }

    /**
     * Queues {@code data} for the channel (which releases it) and makes sure one drain task is on its way: a burst of
     * sends from another thread costs one event-loop task and one flush, not one of each per frame.
     */
    private void send(ByteBuf data) {
        UpgradedChannel ch = channel;
        queuedBytes.addAndGet(data.readableBytes());
        outbox.add(data);
        if (ch.eventLoop().inEventLoop()) {
            drain();
        } else if (drainScheduled.compareAndSet(false, true)) {
            try {
                ch.eventLoop().execute(drainTask);
            } catch (RejectedExecutionException e) {
                releaseQueued(); // the server stopped with the event loop; the channel is gone
            }
        }
    }

    /** Event loop: hands everything queued to the channel, then flushes once. */
    private void drain() {
        drainScheduled.set(false); // before polling: a frame queued from now on schedules another drain
        UpgradedChannel ch = channel;
        long bytes = 0;
        for (ByteBuf data; (data = outbox.poll()) != null; ) {
            bytes += data.readableBytes();
            if (unfinished.incrementAndGet() == 1) {
                lastProgress = System.nanoTime(); // the clock starts with the first outstanding write
            }
            ch.write(data, false).addListener(progress);
        }
        if (bytes > 0) {
            queuedBytes.addAndGet(-bytes);
            ch.flush();
        }
        if (waitingSenders.get() > 0) {
            onWritable();
        }
    }

    private void releaseQueued() {
        for (ByteBuf data; (data = outbox.poll()) != null; ) {
            queuedBytes.addAndGet(-data.readableBytes());
            data.release();
        }
    }

    /** Room for a sender: the channel is below its high-water mark and little waits for the next drain. */
    private boolean writable(UpgradedChannel ch) {
        return ch.isWritable() && queuedBytes.get() < QUEUE_LIMIT;
    }

    private void awaitWritable(UpgradedChannel ch) throws IOException {
        long deadline = System.nanoTime() + sendTimeoutMillis * 1_000_000L;
        waitingSenders.incrementAndGet();
        try {
            awaitWritable(ch, deadline);
        } finally {
            waitingSenders.decrementAndGet();
        }
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    private void awaitWritable(UpgradedChannel ch, long deadline) throws IOException {
        synchronized (lock) {
            while (!closed && !writable(ch)) {
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
