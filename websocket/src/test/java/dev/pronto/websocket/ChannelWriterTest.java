package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.UpgradedChannel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.junit.jupiter.api.Test;

/** The frame writer over an {@link EmbeddedChannel}: copies, completes at once, gathers one read's answers. */
class ChannelWriterTest {

    /** An upgraded channel whose writes go to an embedded channel and are counted. */
    private static final class Recording implements UpgradedChannel {
        final EmbeddedChannel channel = new EmbeddedChannel();
        final List<Integer> writeSizes = new ArrayList<>();

        @Override
        public EventLoop eventLoop() {
            return channel.eventLoop();
        }

        @Override
        public ByteBufAllocator alloc() {
            return channel.alloc();
        }

        @Override
        public ChannelFuture write(ByteBuf data, boolean flush) {
            writeSizes.add(data.readableBytes());
            return flush ? channel.writeAndFlush(data) : channel.write(data);
        }

        @Override
        public void flush() {
            channel.flush();
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void idleTimeout(long millis) {
        }

        @Override
        public void close() {
            channel.close();
        }

        @Override
        public void abort() {
            channel.close();
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return null;
        }

        @Override
        public InetSocketAddress localAddress() {
            return null;
        }

        String written() {
            StringBuilder out = new StringBuilder();
            for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
                out.append(b.toString(StandardCharsets.US_ASCII));
                b.release();
            }
            return out.toString();
        }
    }

    private static final class Counting extends CompletionHandler<ByteBuffer> {
        final AtomicInteger completed = new AtomicInteger();

        @Override
        public void completed(ByteBuffer result) {
            completed.incrementAndGet();
        }
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void framesWrittenWhileHandlingAReadLeaveInOneWrite() {
        Recording ch = new Recording();
        ChannelWriter writer = new ChannelWriter(0);
        writer.attach(ch);
        Counting done = new Counting();
        writer.beginBatch();
        writer.write(bytes("one,"), done);
        writer.write(bytes("two,"), done);
        writer.write(bytes("three"), done);
        assertEquals(3, done.completed.get(), "a send completes once the frame is copied, not when it leaves");
        assertTrue(ch.writeSizes.isEmpty());
        writer.endBatch();
        assertEquals(List.of(13), ch.writeSizes);
        assertEquals("one,two,three", ch.written());
        assertFalse(ch.channel.finishAndReleaseAll());
    }

    @Test
    void outsideABatchEachFrameIsWrittenAtOnce() {
        Recording ch = new Recording();
        ChannelWriter writer = new ChannelWriter(0);
        writer.attach(ch);
        Counting done = new Counting();
        ByteBuffer frame = bytes("async");
        writer.write(frame, done);
        frame.put(0, (byte) 'X'); // the sender may reuse its buffer: the channel holds a copy
        assertEquals(List.of(5), ch.writeSizes);
        assertEquals("async", ch.written());
        assertFalse(ch.channel.finishAndReleaseAll());
    }

    @Test
    void aBatchIsWrittenBeforeTheConnectionCloses() {
        Recording ch = new Recording();
        ChannelWriter writer = new ChannelWriter(0);
        writer.attach(ch);
        writer.beginBatch();
        writer.write(bytes("close frame"), new Counting());
        writer.close();
        assertEquals("close frame", ch.written());
        writer.endBatch();
        assertFalse(ch.channel.isOpen());
        assertFalse(ch.channel.finishAndReleaseAll());
    }

    @Test
    void aBatchIsWrittenOutWhenItReachesTheLimit() {
        Recording ch = new Recording();
        ChannelWriter writer = new ChannelWriter(0);
        writer.attach(ch);
        writer.beginBatch();
        ByteBuffer big = ByteBuffer.allocate(ChannelWriter.BATCH_LIMIT);
        writer.write(big, new Counting());
        assertEquals(List.of(ChannelWriter.BATCH_LIMIT), ch.writeSizes, "one read's answers stay bounded");
        writer.write(bytes("tail"), new Counting());
        writer.endBatch();
        assertEquals(List.of(ChannelWriter.BATCH_LIMIT, 4), ch.writeSizes);
        ch.written();
        assertFalse(ch.channel.finishAndReleaseAll());
    }

    @Test
    void sendsChainedFromCompletionsDoNotNestWithoutBound() {
        Recording ch = new Recording();
        ChannelWriter writer = new ChannelWriter(0);
        writer.attach(ch);
        AtomicInteger sent = new AtomicInteger();
        CompletionHandler<ByteBuffer> chain = new CompletionHandler<>() {
            @Override
            public void completed(ByteBuffer result) {
                if (sent.incrementAndGet() < 20_000) {
                    writer.write(bytes("x"), this); // an application's SendHandler sending the next message
                }
            }
        };
        writer.write(bytes("x"), chain);
        ch.channel.runPendingTasks(); // completions past the nesting bound went to the event loop
        while (sent.get() < 20_000 && ch.channel.hasPendingTasks()) {
            ch.channel.runPendingTasks();
        }
        assertEquals(20_000, sent.get());
        assertEquals(20_000, ch.written().length());
        assertFalse(ch.channel.finishAndReleaseAll());
    }
}
