/**
 * A connection's life on the event loop: {@code Http1Connection} (states in {@code ConnectionState}) takes decoded
 * input, {@code RequestIntake} turns it into {@code Http1Exchange}s, {@code ResponseSequencer} writes their
 * responses in request order with one flush per batch, {@code OffLoopInbox} brings completions from other threads,
 * {@code ReadGate} and {@code ParkedInput} pause reading, {@code ConnectionTimer} times heads and idleness,
 * {@code StreamedRequestBody} streams bodies; {@code ConnectionRegistry} drives graceful shutdown.
 */
package dev.pronto.container.connection;
