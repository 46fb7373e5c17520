package dev.pronto.container;

/** Which Netty transport carries the sockets. {@code AUTO} picks epoll where the native library loads, else NIO. */
public enum Transport {
    AUTO,
    EPOLL,
    NIO
}
