package dev.pronto.container.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch's small writes leave as one buffer at the flush; order holds around what cannot be gathered. */
class BatchWriteCoalescerTest {

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static void writeVoid(EmbeddedChannel channel, String s) {
        channel.write(ascii(s), channel.voidPromise());
    }

    private static String text(Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            return buf.toString(StandardCharsets.US_ASCII);
        } finally {
            buf.release();
        }
    }

    @Test
    void aBatchOfSmallWritesLeavesAsOneBuffer() {
        EmbeddedChannel channel = new EmbeddedChannel(new BatchWriteCoalescer());
        writeVoid(channel, "one ");
        writeVoid(channel, "two ");
        writeVoid(channel, "three");
        assertNull(channel.readOutbound(), "nothing leaves before the flush");
        channel.flush();
        assertEquals("one two three", text(channel.readOutbound()));
        assertNull(channel.readOutbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aLoneBufferLeavesAsItIsWithoutACopy() {
        EmbeddedChannel channel = new EmbeddedChannel(new BatchWriteCoalescer());
        ByteBuf only = ascii("only");
        channel.write(only, channel.voidPromise());
        channel.flush();
        Object out = channel.readOutbound();
        assertSame(only, out);
        assertEquals("only", text(out));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aWriteWithAListenerOrAFilePushesOutWhatWasGatheredFirst(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "file");
        EmbeddedChannel channel = new EmbeddedChannel(new BatchWriteCoalescer());
        writeVoid(channel, "a");
        writeVoid(channel, "b");
        FileRegion region = new DefaultFileRegion(FileChannel.open(file, StandardOpenOption.READ), 0, 4);
        channel.write(region, channel.voidPromise());
        writeVoid(channel, "c");
        boolean[] done = new boolean[1];
        channel.writeAndFlush(ascii("d")).addListener(f -> done[0] = f.isSuccess());
        assertEquals("ab", text(channel.readOutbound()));
        Object fileOut = channel.readOutbound();
        assertSame(region, fileOut);
        region.release();
        assertEquals("c", text(channel.readOutbound()));
        assertEquals("d", text(channel.readOutbound()));
        assertTrue(done[0], "the listened write completes");
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aBatchBeyondTheGatherLimitLeavesInSeveralBuffersInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel(new BatchWriteCoalescer());
        String big = "x".repeat(BatchWriteCoalescer.MAX_GATHER - 10);
        writeVoid(channel, "a");
        writeVoid(channel, big);
        writeVoid(channel, "b".repeat(20));
        channel.flush();
        StringBuilder all = new StringBuilder();
        int buffers = 0;
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            all.append(text(msg));
            buffers++;
        }
        assertEquals("a" + big + "b".repeat(20), all.toString());
        assertEquals(2, buffers);
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void whatIsHeldWhenTheChannelClosesIsReleased() {
        EmbeddedChannel channel = new EmbeddedChannel(new BatchWriteCoalescer());
        ByteBuf a = ascii("a");
        ByteBuf b = ascii("b");
        channel.write(a, channel.voidPromise());
        channel.write(b, channel.voidPromise());
        channel.close();
        assertEquals(0, a.refCnt());
        assertEquals(0, b.refCnt());
        assertFalse(channel.finishAndReleaseAll());
    }
}
