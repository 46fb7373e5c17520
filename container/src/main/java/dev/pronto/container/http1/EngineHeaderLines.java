package dev.pronto.container.http1;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The header fields the engine adds to every response ({@code Date}, {@code Server}, {@code Content-Length},
 * {@code Connection}), carried beside the application's headers and written by {@link Http1ResponseEncoder} as
 * pre-encoded bytes: no per-response header entries, validation or character copying. Stateless helpers.
 */
public final class EngineHeaderLines {

    /** What a response message tells the encoder to add. Implemented by the engine's response classes. */
    public interface Source {
        /** Whether to add the cached {@code Date}. */
        boolean addDate();

        /** The pre-encoded {@code Server} line, or null. */
        byte[] serverLine();

        /** The {@code Content-Length} to add, or -1. */
        long contentLength();

        /** The pre-encoded {@code Connection} line, or null. */
        byte[] connectionLine();

        /**
         * Makes the response say {@code Connection: close} in place of any other {@code Connection} field: the
         * engine decided to close after the response was built (graceful shutdown). Event loop, before encoding.
         */
        void closeConnection();
    }

    public static final byte[] CONNECTION_CLOSE = line("connection: close");
    public static final byte[] CONNECTION_KEEP_ALIVE = line("connection: keep-alive");
    private static final byte[] CONTENT_LENGTH = "content-length: ".getBytes(StandardCharsets.US_ASCII);
    private static final short CRLF = ('\r' << 8) | '\n';

    private EngineHeaderLines() {
    }

    /** {@code name: value\r\n} as bytes, for a value known to be valid. */
    public static byte[] line(String nameAndValue) {
        return (nameAndValue + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static void write(Source source, ByteBuf buf) {
        if (source.addDate()) {
            buf.writeBytes(HttpDateCache.nowLine());
        }
        byte[] server = source.serverLine();
        if (server != null) {
            buf.writeBytes(server);
        }
        long length = source.contentLength();
        if (length >= 0) {
            buf.writeBytes(CONTENT_LENGTH);
            writeDecimal(buf, length);
            buf.writeShort(CRLF);
        }
        byte[] connection = source.connectionLine();
        if (connection != null) {
            buf.writeBytes(connection);
        }
    }

    private static void writeDecimal(ByteBuf buf, long value) {
        if (value < 10) {
            buf.writeByte('0' + (int) value);
            return;
        }
        long divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            buf.writeByte('0' + (int) (value / divisor % 10));
        }
    }
}
