package dev.pronto.container;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * Reads a {@link RequestBody} chunk by chunk behind an {@code InputStream}-style API: holds the chunk in hand,
 * releases each one once consumed, and takes the next from a {@link Source} (blocking or not, the caller's choice).
 * One reader thread at a time.
 */
public final class BodyCursor {

    /** Where the next chunk comes from; {@code null} at the end of the body. */
    @FunctionalInterface
    public interface Source {
        ByteBuf next() throws IOException;
    }

    private ByteBuf current;
    private boolean finished;

    /** One byte, or -1 at the end. */
    public int read(Source source) throws IOException {
        if (!fill(source)) {
            return -1;
        }
        return current.readByte() & 0xFF;
    }

    /** Up to {@code len} bytes from the chunk in hand (taking the next if it is used up), or -1 at the end. */
    public int read(byte[] b, int off, int len, Source source) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill(source)) {
            return -1;
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    /** Bytes readable without taking another chunk. */
    public int available() {
        return current == null ? 0 : current.readableBytes();
    }

    public boolean hasReadable() {
        return current != null && current.isReadable();
    }

    /** True once the source said the body ended (or {@link #finish()} was called). */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Takes the next chunk into hand if {@code source} has one now; true once a read would not block (bytes in
     * hand, or the end reached as {@code ended} says).
     */
    public boolean prefetch(Source source, java.util.function.BooleanSupplier ended) throws IOException {
        if (hasReadable()) {
            return true;
        }
        release();
        if (finished) {
            return true;
        }
        current = source.next();
        if (current != null) {
            return true;
        }
        finished = ended.getAsBoolean();
        return finished;
    }

    /** Releases the chunk in hand and reads nothing more. */
    public void finish() {
        release();
        finished = true;
    }

    private boolean fill(Source source) throws IOException {
        if (hasReadable()) {
            return true;
        }
        release();
        if (finished) {
            return false;
        }
        current = source.next();
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
}
