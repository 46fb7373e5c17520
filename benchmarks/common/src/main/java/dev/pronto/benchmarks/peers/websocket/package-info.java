/** The WebSocket benchmark's endpoints: one class per scenario, deployed unchanged on Pronto, Tomcat and Jetty. */
package dev.pronto.benchmarks.peers.websocket;
