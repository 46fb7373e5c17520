package dev.pronto.servlet.upgrade;

import dev.pronto.container.UpgradedChannel;
import io.netty.buffer.ByteBuf;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The input of an upgraded connection: blocking until a {@link ReadListener} is set, then non-blocking
 * ({@code isReady}/{@code onDataAvailable}). Bytes arrive on the event loop and are read on a worker; at most
 * {@link #HIGH_WATER} bytes wait here before the socket stops being read. Owns, and releases, every queued buffer.
 */
final class UpgradeInputStream extends ServletInputStream {

    static final int HIGH_WATER = 64 * 1024;

    private final UpgradedChannel channel;
    private final Consumer<Runnable> callbacks;
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private int queued;
    private boolean eof;
    private boolean paused;
    private boolean waitingForData;
    private boolean allReadSignalled;
    private ReadListener listener;

    UpgradeInputStream(UpgradedChannel channel, Consumer<Runnable> callbacks) {
        this.channel = channel;
        this.callbacks = callbacks;
    }

    // ---- event loop -------------------------------------------------------------------------------------------

    void onData(ByteBuf data) {
        boolean signal;
        synchronized (queue) {
            if (eof) {
                data.release();
                return;
            }
            queue.add(data);
            queued += data.readableBytes();
            if (queued >= HIGH_WATER && !paused) {
                paused = true;
                channel.pauseReading();
            }
            signal = listener != null && waitingForData;
            waitingForData = false;
            queue.notifyAll();
        }
        if (signal) {
            callbacks.accept(this::dataAvailable);
        }
    }

    void onClosed() {
        boolean signal;
        synchronized (queue) {
            eof = true;
            signal = listener != null && waitingForData;
            waitingForData = false;
            queue.notifyAll();
        }
        if (signal) {
            callbacks.accept(this::dataAvailable);
        }
    }

    // ---- application ------------------------------------------------------------------------------------------

    @Override
    public void setReadListener(ReadListener readListener) {
        if (readListener == null) {
            throw new NullPointerException("readListener");
        }
        synchronized (queue) {
            if (listener != null) {
                throw new IllegalStateException("setReadListener may be called once");
            }
            listener = readListener;
            waitingForData = queue.isEmpty() && !eof;
            if (waitingForData) {
                return;
            }
        }
        callbacks.accept(this::dataAvailable);
    }

    /** Calls onDataAvailable, or onAllDataRead once the client closed and everything was read. Worker. */
    private void dataAvailable() {
        boolean allRead;
        synchronized (queue) {
            allRead = queue.isEmpty() && eof;
            if (allRead && allReadSignalled) {
                return;
            }
            allReadSignalled |= allRead;
        }
        try {
            if (allRead) {
                listener.onAllDataRead();
            } else {
                listener.onDataAvailable();
            }
        } catch (Throwable t) {
            listener.onError(t);
        }
    }

    @Override
    public boolean isFinished() {
        synchronized (queue) {
            return eof && queue.isEmpty();
        }
    }

    /** In non-blocking mode, false arranges an {@code onDataAvailable} when bytes arrive (§5.4.2 rules). */
    @Override
    public boolean isReady() {
        synchronized (queue) {
            if (!queue.isEmpty()) {
                return true;
            }
            if (eof) {
                boolean signal = listener != null && !allReadSignalled;
                if (signal) {
                    callbacks.accept(this::dataAvailable);
                }
                return !signal;
            }
            waitingForData = listener != null;
            return false;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        synchronized (queue) {
            while (queue.isEmpty()) {
                if (eof) {
                    return -1;
                }
                if (listener != null) {
                    throw new IllegalStateException("ServletInputStream.read while isReady() is false");
                }
                try {
                    queue.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while reading the upgraded connection");
                }
            }
            return take(b, off, len);
        }
    }

    private int take(byte[] b, int off, int len) {
        ByteBuf head = queue.peek();
        int n = Math.min(len, head.readableBytes());
        head.readBytes(b, off, n);
        if (!head.isReadable()) {
            queue.poll().release();
        }
        queued -= n;
        if (paused && queued < HIGH_WATER / 2) {
            paused = false;
            channel.eventLoop().execute(channel::resumeReading);
        }
        return n;
    }

    @Override
    public int available() {
        synchronized (queue) {
            return queued;
        }
    }

    /** Closing the input releases what waits; the connection stays until {@code WebConnection.close}. */
    @Override
    public void close() {
        synchronized (queue) {
            eof = true;
            ByteBuf buf;
            while ((buf = queue.poll()) != null) {
                buf.release();
            }
            queued = 0;
        }
    }

    /** Releases what was never read (the connection closed). */
    void release() {
        close();
    }
}
