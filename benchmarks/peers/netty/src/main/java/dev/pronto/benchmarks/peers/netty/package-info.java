/** A TechEmpower-style raw Netty 4.2 server: the ceiling a servlet container on Netty can approach. */
package dev.pronto.benchmarks.peers.netty;
