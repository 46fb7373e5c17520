package dev.pronto.servlet.upgrade;

import dev.pronto.container.UpgradedChannel;
import io.netty.buffer.ByteBuf;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Consumer;

/**
 * The output of an upgraded connection: raw bytes to the channel. Blocking writes wait while the channel is above its
 * high-water mark; after {@code setWriteListener}, {@code isReady} false arranges {@code onWritePossible}. Any one
 * application thread at a time; {@link #onWritable} and {@link #onClosed} run on the event loop.
 */
final class UpgradeOutputStream extends ServletOutputStream {

    private final UpgradedChannel channel;
    private final Consumer<Runnable> callbacks;
    private final Object lock = new Object();
    private WriteListener listener;
    private boolean waitingForWritable;
    private volatile boolean closed;

    UpgradeOutputStream(UpgradedChannel channel, Consumer<Runnable> callbacks) {
        this.channel = channel;
        this.callbacks = callbacks;
    }

    void onWritable() {
        boolean signal;
        synchronized (lock) {
            signal = listener != null && waitingForWritable;
            waitingForWritable = false;
            lock.notifyAll();
        }
        if (signal) {
            callbacks.accept(this::writePossible);
        }
    }

    void onClosed() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void writePossible() {
        try {
            listener.onWritePossible();
        } catch (Throwable t) {
            listener.onError(t);
        }
    }

    @Override
    public void setWriteListener(WriteListener writeListener) {
        if (writeListener == null) {
            throw new NullPointerException("writeListener");
        }
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("setWriteListener may be called once");
            }
            listener = writeListener;
        }
        callbacks.accept(this::writePossible);
    }

    @Override
    public boolean isReady() {
        synchronized (lock) {
            if (closed || channel.isWritable()) {
                return true;
            }
            waitingForWritable = true;
        }
        // The channel may have drained between the check and the flag: look again on the loop.
        channel.eventLoop().execute(() -> {
            if (channel.isWritable()) {
                onWritable();
            }
        });
        return false;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (len == 0) {
            return;
        }
        if (listener == null) {
            awaitWritable();
        }
        ByteBuf buf = channel.alloc().buffer(len);
        buf.writeBytes(b, off, len);
        channel.write(buf, false);
    }

    /** Blocking mode: waits (flushing) until the channel is below its high-water mark. */
    private void awaitWritable() throws IOException {
        if (channel.isWritable()) {
            return;
        }
        channel.flush();
        synchronized (lock) {
            while (!closed && !channel.isWritable()) {
                waitingForWritable = true;
                try {
                    lock.wait(100); // re-checked: writability may change between the check and the wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while writing the upgraded connection");
                }
            }
        }
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public void flush() {
        channel.flush();
    }

    /** Flushes; the connection itself closes through {@code WebConnection.close}. */
    @Override
    public void close() {
        channel.flush();
    }
}
