/**
 * Pronto's public core API: the {@link dev.pronto.container.Server}, its configuration, and the protocol-neutral
 * exchange SPI ({@link dev.pronto.container.HttpHandler}, {@link dev.pronto.container.HttpExchange},
 * {@link dev.pronto.container.RequestBody}, {@link dev.pronto.container.CompletionBatch} for the hop back from
 * worker threads).
 */
package dev.pronto.container;
