package dev.pronto.container.connection;

import io.netty.handler.stream.ChunkedNioFile;
import io.netty.util.ReferenceCounted;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file region of a response on a TLS connection, read in 16 KiB buffers by the pipeline's chunked writer
 * (TLS cannot use sendfile). Reference-counted only so that the engine's usual release of a dropped message
 * closes the file; one owner, released once (further releases are no-ops). Event loop.
 */
final class ChunkedFileBody extends ChunkedNioFile implements ReferenceCounted {

    /** One TLS record's worth of plaintext (RFC 8446 §5.1: at most 2^14 bytes). */
    private static final int CHUNK = 16 * 1024;

    private final AtomicBoolean closed = new AtomicBoolean();

    ChunkedFileBody(FileChannel file, long position, long length) throws IOException {
        super(file, position, length, CHUNK);
    }

    @Override
    public void close() throws Exception {
        if (closed.compareAndSet(false, true)) {
            super.close();
        }
    }

    @Override
    public int refCnt() {
        return closed.get() ? 0 : 1;
    }

    @Override
    public ReferenceCounted retain() {
        return this;
    }

    @Override
    public ReferenceCounted retain(int increment) {
        return this;
    }

    @Override
    public ReferenceCounted touch() {
        return this;
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        return this;
    }

    @Override
    public boolean release() {
        try {
            close();
        } catch (Exception ignored) {
            // closing a file channel twice or after an error: nothing left to free
        }
        return true;
    }

    @Override
    public boolean release(int decrement) {
        return release();
    }
}
