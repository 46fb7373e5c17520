package dev.pronto.websocket;

import dev.pronto.testing.RawHttpConnection;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Hand-made WebSocket frames over a raw socket, for protocol edge cases (RFC 6455 §5.2). */
final class RawWebSocket {

    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** A server frame: opcode, payload. */
    record Frame(int opcode, byte[] payload) {
        int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    private RawWebSocket() {
    }

    static String handshake(String path, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
    }

    static byte[] frame(int firstByte, byte[] payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int len = payload.length;
        int maskBit = masked ? 0x80 : 0;
        if (len < 126) {
            out.write(maskBit | len);
        } else {
            out.write(maskBit | 126);
            out.write(len >>> 8);
            out.write(len & 0xff);
        }
        byte[] key = {1, 2, 3, 4};
        if (masked) {
            out.writeBytes(key);
        }
        for (int i = 0; i < len; i++) {
            out.write(masked ? payload[i] ^ key[i % 4] : payload[i]);
        }
        return out.toByteArray();
    }

    static byte[] text(String text) {
        return frame(0x81, text.getBytes(StandardCharsets.UTF_8), true);
    }

    static Frame read(RawHttpConnection c) throws IOException {
        DataInputStream in = new DataInputStream(c.inputStream());
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        return new Frame(b0 & 0x0f, payload);
    }
}
