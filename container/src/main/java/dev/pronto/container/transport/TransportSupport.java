package dev.pronto.container.transport;

import dev.pronto.container.Transport;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;

/**
 * Chooses the Netty transport: epoll where its native library loads, NIO elsewhere; io_uring when configured and
 * the kernel allows it (else the start fails naming why). Stateless.
 */
public final class TransportSupport {

    /**
     * The transport in use, why it was chosen, and the Netty types that implement it.
     *
     * @param reusePortOption the {@code SO_REUSEPORT} option of a native transport; null for NIO
     */
    public record Choice(Transport transport, String reason, IoHandlerFactory ioHandlerFactory,
                         Class<? extends ServerChannel> serverChannelClass, ChannelOption<Boolean> reusePortOption) {

        /** True when one listening socket per event loop is possible ({@code SO_REUSEPORT}). */
        public boolean canReusePort() {
            return reusePortOption != null;
        }
    }

    private TransportSupport() {
    }

    /**
     * Resolves {@code requested}; {@link Transport#AUTO} never fails.
     *
     * @throws IllegalStateException if a native transport was required but is not available here
     */
    public static Choice choose(Transport requested) {
        switch (requested) {
            case NIO:
                return nio("configured");
            case EPOLL:
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("epoll transport requested but unavailable: "
                            + Epoll.unavailabilityCause());
                }
                return epoll("configured");
            case IO_URING:
                if (!IoUring.isAvailable()) {
                    // e.g. an old kernel, /proc/sys/kernel/io_uring_disabled, or a seccomp profile refusing it
                    throw new IllegalStateException("io_uring transport requested but unavailable: "
                            + IoUring.unavailabilityCause());
                }
                return ioUring("configured");
            default:
                if (Epoll.isAvailable()) {
                    return epoll("native library loaded");
                }
                Throwable cause = Epoll.unavailabilityCause();
                return nio("epoll unavailable: " + (cause == null ? "unknown" : cause.getMessage()));
        }
    }

    /** Whether io_uring works here (native library and kernel); for tests and diagnostics. */
    public static boolean isIoUringAvailable() {
        return IoUring.isAvailable();
    }

    private static Choice epoll(String reason) {
        return new Choice(Transport.EPOLL, reason, EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                EpollChannelOption.SO_REUSEPORT);
    }

    private static Choice ioUring(String reason) {
        return new Choice(Transport.IO_URING, reason, IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                IoUringChannelOption.SO_REUSEPORT);
    }

    private static Choice nio(String reason) {
        return new Choice(Transport.NIO, reason, NioIoHandler.newFactory(), NioServerSocketChannel.class, null);
    }
}
