/** Embedded Tomcat 11 as a benchmark peer. */
package dev.pronto.benchmarks.peers.tomcat;
