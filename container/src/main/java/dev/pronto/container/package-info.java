/** Pronto's public core API: the {@link dev.pronto.container.Server}, its configuration and the handler SPI. */
package dev.pronto.container;
