package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The client frame unmasker against frames encoded here, cut at every point and at random points. */
class ClientFrameUnmaskerTest {

    /** RFC 6455 §5.2: one frame, masked with {@code key} when not null. */
    private static byte[] frame(int firstByte, byte[] payload, byte[] key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = key != null ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            out.write(maskBit | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift));
            }
        }
        if (key != null) {
            out.writeBytes(key);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(key != null ? payload[i] ^ key[i % 4] : payload[i]);
        }
        return out.toByteArray();
    }

    private static byte[] run(ClientFrameUnmasker unmasker, byte[] stream, int... cuts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
        ends[cuts.length] = stream.length;
        for (int end : ends) {
            ByteBuffer piece = ByteBuffer.wrap(Arrays.copyOfRange(stream, from, end));
            assertEquals(ClientFrameUnmasker.Verdict.OK, unmasker.unmask(piece));
            out.write(piece.array(), piece.position(), piece.remaining());
            from = end;
        }
        return out.toByteArray();
    }

    @Test
    void framesLeaveUnmaskedWhereverTheStreamIsCut() {
        Random random = new Random(6455);
        ByteArrayOutputStream masked = new ByteArrayOutputStream();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        int[] sizes = {0, 1, 3, 7, 8, 9, 125, 126, 127, 300};
        int[] firstBytes = {0x81, 0x01, 0x80, 0x82, 0x89, 0xc1, 0x88};
        for (int i = 0; i < sizes.length; i++) {
            byte[] payload = new byte[sizes[i]];
            random.nextBytes(payload);
            byte[] key = new byte[4];
            random.nextBytes(key);
            int first = firstBytes[i % firstBytes.length];
            masked.writeBytes(frame(first, payload, key));
            plain.writeBytes(frame(first, payload, null));
        }
        byte[] stream = masked.toByteArray();
        byte[] expected = plain.toByteArray();
        assertArrayEquals(expected, run(new ClientFrameUnmasker(1000), stream));
        for (int cut = 1; cut < stream.length; cut++) {
            assertArrayEquals(expected, run(new ClientFrameUnmasker(1000), stream, cut), "cut at " + cut);
        }
        for (int round = 0; round < 200; round++) {
            int a = 1 + random.nextInt(stream.length - 2);
            int b = a + 1 + random.nextInt(stream.length - a - 1);
            assertArrayEquals(expected, run(new ClientFrameUnmasker(1000), stream, a, b), "cuts " + a + ", " + b);
        }
    }

    @Test
    void aLargeFrameWithAnEightByteLength() {
        byte[] payload = new byte[70_000];
        new Random(7).nextBytes(payload);
        byte[] stream = frame(0x82, payload, new byte[] {9, 8, 7, 6});
        assertArrayEquals(frame(0x82, payload, null), run(new ClientFrameUnmasker(100_000), stream, 5, 12, 40_001));
    }

    @Test
    void anUnmaskedFrameIsRefused() {
        ByteBuffer bare = ByteBuffer.wrap(frame(0x81, new byte[] {1}, null));
        assertEquals(ClientFrameUnmasker.Verdict.UNMASKED, new ClientFrameUnmasker(100).unmask(bare));
    }

    @Test
    void aFrameAboveTheLimitIsRefusedFromItsHeader() {
        byte[] header = Arrays.copyOf(frame(0x82, new byte[200], new byte[] {1, 2, 3, 4}), 8); // header only
        assertEquals(ClientFrameUnmasker.Verdict.TOO_BIG, new ClientFrameUnmasker(100).unmask(ByteBuffer.wrap(header)));
    }
}
