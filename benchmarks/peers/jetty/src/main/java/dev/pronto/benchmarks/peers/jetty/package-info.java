/** Jetty 12.1 (ee11 servlet environment) as a benchmark peer. */
package dev.pronto.benchmarks.peers.jetty;
