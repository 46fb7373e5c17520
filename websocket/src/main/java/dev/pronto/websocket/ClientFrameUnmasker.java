package dev.pronto.websocket;

import java.nio.ByteBuffer;

/**
 * Follows the frames of the client's byte stream (RFC 6455 §5.2), refuses what the engine does not, and unmasks them
 * in place before Tyrus sees them: a frame whose declared payload is above the limit is refused before any of it is
 * buffered (close 1009, §7.4.1), an unmasked client frame is refused (close 1002, §5.1), and every other frame leaves
 * without its MASK bit and masking key, its payload unmasked (§5.3) eight bytes at a time. Tyrus reads unmasked
 * frames as they are, and unmasking byte by byte was a fifth of its reading cost. One connection's reading worker.
 */
final class ClientFrameUnmasker {

    /** What the unmasker makes of the bytes so far. */
    enum Verdict { OK, TOO_BIG, UNMASKED }

    private static final int MAX_HEADER = 14;

    private final long maxPayload;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerLength;
    private long payloadLeft;
    /** The current frame's masking key, big-endian, and where in its four bytes the next payload byte is. */
    private int mask;
    private int maskIndex;

    ClientFrameUnmasker(long maxPayload) {
        this.maxPayload = maxPayload;
    }

    /**
     * Rewrites {@code bytes} (from position to limit) in place into the same frames unmasked, and sets its limit to
     * their end; a frame header may be split across calls. Anything but OK ends the connection (the buffer is then
     * left as it is).
     */
    Verdict unmask(ByteBuffer bytes) {
        int read = bytes.position();
        int write = read;
        int limit = bytes.limit();
        // Every input byte gives at most one output byte, in order, so writing behind the reader is safe.
        while (read < limit) {
            if (payloadLeft > 0) {
                int n = (int) Math.min(payloadLeft, limit - read);
                unmaskPayload(bytes, read, write, n);
                read += n;
                write += n;
                payloadLeft -= n;
                continue;
            }
            byte b = bytes.get(read++);
            header[headerLength++] = b;
            if (headerLength == 2) {
                if ((b & 0x80) == 0) {
                    return Verdict.UNMASKED;
                }
                b &= 0x7f; // the frame leaves unmasked
            }
            int size = headerSize();
            if (headerLength <= size - 4) {
                bytes.put(write++, b); // opcode, flags and length; the 4-byte key is kept here, not passed on
            }
            if (headerLength < size) {
                continue;
            }
            long length = payloadLength();
            if (length < 0 || length > maxPayload) {
                return Verdict.TOO_BIG;
            }
            mask = ((header[size - 4] & 0xff) << 24) | ((header[size - 3] & 0xff) << 16)
                    | ((header[size - 2] & 0xff) << 8) | (header[size - 1] & 0xff);
            maskIndex = 0;
            headerLength = 0;
            payloadLeft = length;
        }
        bytes.limit(write);
        return Verdict.OK;
    }

    /** §5.3: byte i of the payload is XORed with byte (i mod 4) of the key; eight at a time, then the tail. */
    private void unmaskPayload(ByteBuffer bytes, int read, int write, int n) {
        int rotated = Integer.rotateLeft(mask, 8 * maskIndex); // the key as seen from the next payload byte
        long key8 = ((long) rotated << 32) | (rotated & 0xffffffffL);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            bytes.putLong(write + i, bytes.getLong(read + i) ^ key8);
        }
        for (; i < n; i++) {
            int keyByte = (rotated >>> (24 - 8 * (i & 3))) & 0xff;
            bytes.put(write + i, (byte) (bytes.get(read + i) ^ keyByte));
        }
        maskIndex = (maskIndex + n) & 3;
    }

    /**
     * Base 2 bytes, then 2 or 8 bytes of extended length, then the 4-byte masking key; before byte 2 is known, 2 plus
     * the key (every client frame is masked, which byte 2 confirms).
     */
    private int headerSize() {
        if (headerLength < 2) {
            return 6;
        }
        int length7 = header[1] & 0x7f;
        int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
        return 2 + extended + 4;
    }

    private long payloadLength() {
        int length7 = header[1] & 0x7f;
        if (length7 < 126) {
            return length7;
        }
        if (length7 == 126) {
            return ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
        }
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (header[i] & 0xffL);
        }
        return length; // negative when the most significant bit is set (§5.2 forbids it)
    }
}
