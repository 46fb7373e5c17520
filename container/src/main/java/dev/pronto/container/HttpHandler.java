package dev.pronto.container;

/**
 * The one seam between the engine and an application: receives each request as an {@link HttpExchange}, whichever
 * protocol carried it. Runs on the connection's event loop, so it must not block; hand blocking work to an executor
 * and finish the exchange from there (every response method of the exchange may be called from any thread; bind
 * the exchanges a worker runs to a {@link CompletionBatch} to hand their completions back once).
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Starts handling one request. The handler owns the exchange until it calls {@link HttpExchange#end()}
     * (or {@link HttpExchange#send}); a thrown exception is answered with 500 if nothing was committed yet.
     */
    void handle(HttpExchange exchange) throws Exception;

    /**
     * The engine answered input itself with {@code status} (a malformed or over-limit request, a head timeout, an
     * unmet expectation); nothing reached {@link #handle}. For access logs; event loop, must not block or throw.
     */
    default void rejected(int status, java.net.InetSocketAddress remote, java.net.InetSocketAddress local) {
    }
}
