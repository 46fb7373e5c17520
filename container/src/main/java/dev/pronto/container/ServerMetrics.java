package dev.pronto.container;

import java.util.Map;

/**
 * A read-only view of the engine's counters: connections, requests, bytes and rejected input. Thread-safe; every
 * value is a sum of striped counters read without locking, so values read together are close but not a snapshot.
 * Counters keep counting across stop and start of the same server.
 */
public interface ServerMetrics {

    /** Connections open now. */
    long connectionsOpen();

    /** Connections accepted since creation (within the cap). */
    long connectionsAccepted();

    /** Connections closed at once because the cap ({@code maxConnections}) was reached or the server was draining. */
    long connectionsRejected();

    /** Requests handed to the handler whose response has not ended (asynchronous ones included). */
    long requestsActive();

    /** Requests handed to the handler that ended with {@code outcome}. */
    long requestsCompleted(RequestOutcome outcome);

    /** Requests waiting behind an earlier one on the same connection (HTTP/1.1 pipelining), now. */
    long pipelinedInFlight();

    /** Bytes read from clients. */
    long bytesIn();

    /** Bytes written to clients (heads and bodies, as encoded). */
    long bytesOut();

    /**
     * Requests the engine refused itself, by status (400, 408, 413, 414, 417, 431, 501, 505 …): malformed or
     * over-limit input that never reached the handler. Only statuses seen so far appear.
     */
    Map<Integer, Long> decodeErrors();
}
