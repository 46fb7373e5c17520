package dev.pronto.container.connection;

import io.netty.channel.DefaultFileRegion;
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

    /**
     * The message that sends a file's bytes: a zero-copy region on cleartext, else this chunked reader (TLS encrypts
     * in user space, so no sendfile). Either closes the file when released.
     */
    static Object of(FileChannel file, long position, long length, boolean secure) throws IOException {
        return secure ? new ChunkedFileBody(file, position, length) : new DefaultFileRegion(file, position, length);
    }

    static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
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
