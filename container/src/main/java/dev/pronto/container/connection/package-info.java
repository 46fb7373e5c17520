/** A connection's life: request numbering, ordered pipelined responses, batch flush, body streaming, timeouts. */
package dev.pronto.container.connection;
