/** Pronto's side of the WebSocket benchmark (the shared endpoints on pronto-websocket) and the load client. */
package dev.pronto.benchmarks.peers.prontows;
