package dev.pronto.container;

/**
 * Which Netty transport carries the sockets. {@code AUTO} picks epoll where its native library loads, else NIO;
 * {@code IO_URING} (Linux 5.x+, submissions and completions through shared rings) only when asked for.
 */
public enum Transport {
    AUTO,
    EPOLL,
    IO_URING,
    NIO
}
