/** Sockets: the epoll or NIO choice, event loops, {@code SO_REUSEPORT} binding and the channel pipeline. */
package dev.pronto.container.transport;
