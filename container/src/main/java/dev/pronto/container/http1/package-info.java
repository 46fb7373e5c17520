/** HTTP/1.1 wire format: the strict request decoder, the response encoder and the cached {@code Date}. */
package dev.pronto.container.http1;
