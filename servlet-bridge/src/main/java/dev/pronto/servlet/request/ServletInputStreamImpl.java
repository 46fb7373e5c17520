package dev.pronto.servlet.request;

import dev.pronto.container.RequestBody;
import io.netty.buffer.ByteBuf;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * The request body as a {@code ServletInputStream}: pulls chunks from the core's streamed body, blocking (off the
 * event loop) with the engine's timeout. One reader thread at a time; releases every chunk it takes.
 */
public final class ServletInputStreamImpl extends ServletInputStream {

    private final RequestBody body;
    private final long timeoutMillis;
    private ByteBuf current;
    private boolean finished;

    public ServletInputStreamImpl(RequestBody body, long timeoutMillis) {
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
        release();
        if (finished) {
            return false;
        }
        current = body.take(timeoutMillis);
        if (current == null) {
            finished = true;
            return false;
        }
        return true;
    }

    private void release() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    @Override
    public boolean isFinished() {
        return finished || (current == null || !current.isReadable()) && body.isFinished();
    }

    @Override
    public boolean isReady() {
        return current != null && current.isReadable() || body.isReady();
    }

    @Override
    public void setReadListener(ReadListener readListener) {
        throw new UnsupportedOperationException("ServletInputStream.setReadListener: not implemented yet");
    }

    /** Releases the chunk in hand; the rest of the body is the engine's to discard. */
    @Override
    public void close() {
        release();
        finished = true;
    }
}
