package dev.pronto.container.connection;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;

/** A blocking {@link InputStream} over a {@link StreamedRequestBody}. One consumer thread; never the event loop. */
final class BodyInputStream extends InputStream {

    private final StreamedRequestBody body;
    private final long timeoutMillis;
    private ByteBuf current;
    private boolean eof;

    BodyInputStream(StreamedRequestBody body, long timeoutMillis) {
        this.body = body;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.readByte() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.readableBytes();
    }

    private boolean fill() throws IOException {
        if (current != null && current.isReadable()) {
            return true;
        }
        releaseCurrent();
        if (eof) {
            return false;
        }
        current = body.take(timeoutMillis);
        if (current == null) {
            eof = true;
            return false;
        }
        return true;
    }

    private void releaseCurrent() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    @Override
    public void close() {
        releaseCurrent();
        eof = true;
        body.discard();
    }
}
