package dev.pronto.container.transport;

import dev.pronto.container.Transport;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** Chooses the Netty transport: epoll where its native library loads, NIO elsewhere. Stateless. */
public final class TransportSupport {

    /** The transport in use, why it was chosen, and the Netty types that implement it. */
    public record Choice(Transport transport, String reason, IoHandlerFactory ioHandlerFactory,
                         Class<? extends ServerChannel> serverChannelClass) {

        public boolean isEpoll() {
            return transport == Transport.EPOLL;
        }
    }

    private TransportSupport() {
    }

    /**
     * Resolves {@code requested}; {@link Transport#AUTO} never fails.
     *
     * @throws IllegalStateException if epoll was required but is not available here
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
            default:
                if (Epoll.isAvailable()) {
                    return epoll("native library loaded");
                }
                Throwable cause = Epoll.unavailabilityCause();
                return nio("epoll unavailable: " + (cause == null ? "unknown" : cause.getMessage()));
        }
    }

    private static Choice epoll(String reason) {
        return new Choice(Transport.EPOLL, reason, EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
    }

    private static Choice nio(String reason) {
        return new Choice(Transport.NIO, reason, NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }
}
