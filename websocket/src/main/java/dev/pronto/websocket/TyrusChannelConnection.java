package dev.pronto.websocket;

import dev.pronto.container.UpgradedChannel;
import dev.pronto.container.UpgradedProtocol;
import io.netty.buffer.ByteBuf;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: the engine's upgraded channel on one side, a Tyrus {@link Connection} (framing, the
 * session, the endpoint) on the other. Bytes arrive on the event loop, are copied out of the {@link ByteBuf} (released
 * here at once) and handed to Tyrus on this connection's serial worker, so endpoint code never runs on the loop; at
 * most {@link #HIGH_WATER} bytes wait for the worker before the socket stops being read.
 */
final class TyrusChannelConnection implements UpgradedProtocol {

    private static final Logger log = LoggerFactory.getLogger(TyrusChannelConnection.class);
    static final int HIGH_WATER = 256 * 1024;

    private final WebSocketEngine.UpgradeInfo upgradeInfo;
    private final Executor serial;
    private final ChannelWriter writer;
    private final ClassLoader loader;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final ClientFrameUnmasker unmasker;
    private final int maxFrame;
    private volatile UpgradedChannel channel;
    private volatile boolean paused;
    /** Created on the serial worker (it calls the endpoint's onOpen); read there only. */
    private Connection connection;
    private boolean closed;

    TyrusChannelConnection(WebSocketEngine.UpgradeInfo upgradeInfo, Executor serial, long sendTimeoutMillis,
                           int maxMessageSize, ClassLoader loader) {
        this.upgradeInfo = upgradeInfo;
        this.unmasker = new ClientFrameUnmasker(maxMessageSize);
        this.maxFrame = maxFrameBytes(maxMessageSize);
        this.serial = serial;
        this.loader = loader;
        this.writer = new ChannelWriter(sendTimeoutMillis);
    }

    /** A whole frame of the largest payload accepted, with its longest header (RFC 6455 §5.2). */
    static int maxFrameBytes(int maxMessageSize) {
        return maxMessageSize + 14;
    }

    @Override
    public void onUpgraded(UpgradedChannel channel) {
        this.channel = channel;
        writer.attach(channel);
        channel.idleTimeout(0); // RFC 6455 has no HTTP idle: the session's maxIdleTimeout (Tyrus) decides
        run(() -> connection = upgradeInfo.createConnection(writer, reason -> {
            closed = true;
            writer.close(); // Tyrus sent (or answered) the close frame: RFC 6455 §7.1.1, the server closes TCP
        }));
    }

    @Override
    public void onData(ByteBuf data) {
        int n = data.readableBytes();
        ByteBuffer copy = ByteBuffer.allocate(n); // Tyrus may keep the buffer of an incomplete frame
        data.readBytes(copy);
        data.release();
        copy.flip();
        if (pendingBytes.addAndGet(n) >= HIGH_WATER && !paused) {
            paused = true;
            channel.pauseReading();
        }
        run(() -> {
            try {
                if (connection == null || closed) {
                    return;
                }
                writer.beginBatch(); // the answers to this read leave in one write
                switch (unmasker.unmask(copy)) {
                    case OK -> handleInSlices(copy);
                    case TOO_BIG -> refuse(CloseReason.CloseCodes.TOO_BIG, "frame too large");
                    case UNMASKED -> refuse(CloseReason.CloseCodes.PROTOCOL_ERROR, "unmasked client frame");
                }
            } finally {
                writer.endBatch();
                consumed(n);
            }
        });
    }

    /**
     * Worker: Tyrus refuses a read that, with the incomplete frame it keeps, exceeds its incoming buffer; the unmasker
     * bounds a frame to {@code maxFrame}, so slices of that size always fit a buffer of twice it.
     */
    private void handleInSlices(ByteBuffer bytes) {
        while (bytes.hasRemaining() && !closed) {
            int end = Math.min(bytes.limit(), bytes.position() + maxFrame);
            ByteBuffer slice = bytes.duplicate().limit(end);
            bytes.position(end);
            connection.getReadHandler().handle(slice);
        }
    }

    /** Worker: the client broke a rule the unmasker checks; the endpoint's onClose sees the same code. */
    private void refuse(CloseReason.CloseCode code, String why) {
        closed = true;
        connection.close(new CloseReason(code, why));
        writer.close();
    }

    /** Worker: resumes reading once the worker caught up (below half the mark). */
    private void consumed(int n) {
        if (pendingBytes.addAndGet(-n) < HIGH_WATER / 2 && paused) {
            paused = false;
            channel.eventLoop().execute(channel::resumeReading);
        }
    }

    @Override
    public void onWritable() {
        writer.onWritable();
    }

    @Override
    public void onIdleTimeout(UpgradedChannel channel) {
        closeWith(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "idle timeout"));
    }

    /** Graceful shutdown: RFC 6455 §7.4.1 1001, the server is going away. */
    @Override
    public void onShutdown(UpgradedChannel channel) {
        closeWith(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
    }

    private void closeWith(CloseReason reason) {
        run(() -> {
            if (connection != null && !closed) {
                connection.close(reason);
            }
            channel.close();
        });
    }

    @Override
    public void onClosed() {
        writer.onClosed();
        run(() -> {
            if (connection != null && !closed) {
                closed = true;
                // RFC 6455 §7.1.5: closed without a close frame is 1006, reported to the endpoint's onClose.
                connection.close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "connection closed"));
            }
        });
    }

    private void run(Runnable task) {
        serial.execute(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("WebSocket connection failed", e);
                UpgradedChannel ch = channel;
                if (ch != null) {
                    ch.close();
                }
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }
}
