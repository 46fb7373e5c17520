package dev.pronto.servlet.upgrade;

import dev.pronto.container.UpgradedChannel;
import dev.pronto.container.UpgradedProtocol;
import io.netty.buffer.ByteBuf;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WebConnection} of a servlet upgrade (Servlet 6.1 §2.3.3.5): the engine's bytes become the input stream,
 * the output stream writes raw to the channel. Engine callbacks run on the event loop; {@code init}, listeners and
 * {@code destroy} run one at a time on the workers. Buffers read are owned by the input stream until consumed.
 */
final class WebConnectionImpl implements WebConnection, UpgradedProtocol {

    private static final Logger log = LoggerFactory.getLogger(WebConnectionImpl.class);

    private final HttpUpgradeHandler handler;
    private final Executor callbacks;
    private final ClassLoader loader;
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private UpgradeInputStream in;
    private UpgradeOutputStream out;
    private UpgradedChannel channel;

    WebConnectionImpl(HttpUpgradeHandler handler, Executor callbacks, ClassLoader loader) {
        this.handler = handler;
        this.callbacks = callbacks;
        this.loader = loader;
    }

    // ---- engine side (event loop) ------------------------------------------------------------------------------

    @Override
    public void onUpgraded(UpgradedChannel channel) {
        this.channel = channel;
        this.in = new UpgradeInputStream(channel, this::run);
        this.out = new UpgradeOutputStream(channel, this::run);
        run(() -> handler.init(this));
    }

    @Override
    public void onData(ByteBuf data) {
        in.onData(data);
    }

    @Override
    public void onWritable() {
        out.onWritable();
    }

    @Override
    public void onClosed() {
        in.onClosed();
        out.onClosed();
        run(() -> {
            destroy();
            in.release();
        });
    }

    /** Runs application code on the workers, one callback at a time, with the application's class loader. */
    private void run(Runnable task) {
        callbacks.execute(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Upgrade handler {} failed", handler.getClass().getName(), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }

    private void destroy() {
        if (destroyed.compareAndSet(false, true)) {
            handler.destroy();
        }
    }

    // ---- WebConnection (application side) -------------------------------------------------------------------------

    @Override
    public ServletInputStream getInputStream() {
        return in;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return out;
    }

    /** Closes the connection; {@code destroy} follows when the engine reports it closed. */
    @Override
    public void close() {
        channel.close();
    }
}
