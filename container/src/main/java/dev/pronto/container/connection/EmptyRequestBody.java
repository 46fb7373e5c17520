package dev.pronto.container.connection;

import dev.pronto.container.RequestBody;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.InputStream;

/** The body of a request that has none: shared, stateless, thread-safe. */
final class EmptyRequestBody implements RequestBody {

    static final EmptyRequestBody INSTANCE = new EmptyRequestBody();

    private EmptyRequestBody() {
    }

    @Override
    public long contentLength() {
        return 0;
    }

    @Override
    public ByteBuf poll() {
        return null;
    }

    @Override
    public ByteBuf take(long timeoutMillis) {
        return null;
    }

    @Override
    public boolean isFinished() {
        return true;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void onReady(Runnable callback) {
        callback.run();
    }

    @Override
    public HttpHeaders trailers() {
        return EmptyHttpHeaders.INSTANCE;
    }

    @Override
    public InputStream inputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public void discard() {
    }
}
