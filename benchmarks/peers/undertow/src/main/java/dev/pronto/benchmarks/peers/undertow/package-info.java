/** Undertow 2.3 (a Servlet 6.0 container) as a benchmark peer. */
package dev.pronto.benchmarks.peers.undertow;
