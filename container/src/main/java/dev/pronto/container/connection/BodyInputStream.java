package dev.pronto.container.connection;

import dev.pronto.container.BodyCursor;
import java.io.IOException;
import java.io.InputStream;

/** A blocking {@link InputStream} over a {@link StreamedRequestBody}. One consumer thread; never the event loop. */
final class BodyInputStream extends InputStream {

    private final StreamedRequestBody body;
    private final BodyCursor cursor = new BodyCursor();
    private final BodyCursor.Source blocking;

    BodyInputStream(StreamedRequestBody body, long timeoutMillis) {
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
