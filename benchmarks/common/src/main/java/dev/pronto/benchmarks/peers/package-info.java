/** What the peer servers share: the payloads, the command line, and a probe that checks a running peer. */
package dev.pronto.benchmarks.peers;
