package dev.pronto.container;

import java.io.IOException;
import java.io.InputStream;

/**
 * A blocking {@link InputStream} over any protocol's {@link RequestBody} ({@code take} with the engine's timeout;
 * {@code close} discards the rest). One consumer thread; never the event loop.
 */
public final class BodyInputStream extends InputStream {

    private final RequestBody body;
    private final BodyCursor cursor = new BodyCursor();
    private final BodyCursor.Source blocking;

    public BodyInputStream(RequestBody body, long timeoutMillis) {
        this.body = body;
        this.blocking = () -> body.take(timeoutMillis);
    }

    @Override
    public int read() throws IOException {
        return cursor.read(blocking);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return cursor.read(b, off, len, blocking);
    }

    @Override
    public int available() {
        return cursor.available();
    }

    @Override
    public void close() {
        cursor.finish();
        body.discard();
    }
}
