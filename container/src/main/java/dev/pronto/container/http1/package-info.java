/** HTTP/1.1 wire codec: the strict request decoder, its limits and its precise error statuses. */
package dev.pronto.container.http1;
