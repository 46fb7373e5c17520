/** HTTP/2 (RFC 9113) on Netty's codec: one connection handler per channel, one {@code HttpExchange} per stream. */
package dev.pronto.container.http2;
