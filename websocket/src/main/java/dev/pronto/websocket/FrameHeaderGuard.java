package dev.pronto.websocket;

import java.nio.ByteBuffer;

/**
 * Reads only the frame headers of the client's byte stream (RFC 6455 §5.2) for what the engine does not enforce: a
 * frame whose declared payload is above the limit is refused before any of it is buffered (close 1009, §7.4.1), and
 * an unmasked client frame is refused (close 1002, §5.1). One connection's reading worker.
 */
final class FrameHeaderGuard {

    /** What the guard makes of the bytes so far. */
    enum Verdict { OK, TOO_BIG, UNMASKED }

    private static final int MAX_HEADER = 14;

    private final long maxPayload;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerLength;
    private long payloadLeft;

    FrameHeaderGuard(long maxPayload) {
        this.maxPayload = maxPayload;
    }

    /** Follows the frames in {@code bytes} (not consuming them); anything but OK ends the connection. */
    Verdict check(ByteBuffer bytes) {
        int pos = bytes.position();
        int limit = bytes.limit();
        while (pos < limit) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, limit - pos);
                pos += skip;
                payloadLeft -= skip;
                continue;
            }
            header[headerLength++] = bytes.get(pos++);
            if (headerLength == 2 && (header[1] & 0x80) == 0) {
                return Verdict.UNMASKED;
            }
            if (headerLength < headerSize()) {
                continue;
            }
            long length = payloadLength();
            headerLength = 0;
            if (length < 0 || length > maxPayload) {
                return Verdict.TOO_BIG;
            }
            payloadLeft = length;
        }
        return Verdict.OK;
    }

    /** Base 2 bytes, then 2 or 8 bytes of extended length, then the 4-byte masking key when MASK is set. */
    private int headerSize() {
        if (headerLength < 2) {
            return 2;
        }
        int length7 = header[1] & 0x7f;
        int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
        return 2 + extended + ((header[1] & 0x80) != 0 ? 4 : 0);
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
