package dev.pronto.spring.boot;

import dev.pronto.servlet.ProntoServer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.GracefulShutdownResult;

/**
 * Boot's graceful shutdown on Pronto: stop accepting, let requests in flight (async ones included) finish with
 * {@code Connection: close}, then report {@code IDLE}; if Boot gives up first ({@link #abort()}, from
 * {@code WebServer.stop()}), report {@code REQUESTS_ACTIVE}. Waits on its own thread; abort from any thread.
 */
final class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    /** Boot bounds the wait itself (spring.lifecycle.timeout-per-shutdown-phase) and then calls stop(). */
    private static final Duration UNTIL_ABORTED = Duration.ofDays(365);

    private final ProntoServer server;
    private Thread waiter;
    private volatile boolean abortedWithRequestsActive;

    GracefulShutdown(ProntoServer server) {
        this.server = server;
    }

    synchronized void shutDownGracefully(GracefulShutdownCallback callback) {
        log.info("Commencing graceful shutdown. Waiting for active requests to complete");
        abortedWithRequestsActive = false;
        waiter = new Thread(() -> awaitRequests(callback), "pronto-graceful-shutdown");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void awaitRequests(GracefulShutdownCallback callback) {
        server.stop(UNTIL_ABORTED); // returns once every connection closed, or early when interrupted by abort()
        if (abortedWithRequestsActive) {
            log.info("Graceful shutdown aborted with one or more requests still active");
            callback.shutdownComplete(GracefulShutdownResult.REQUESTS_ACTIVE);
        } else {
            log.info("Graceful shutdown complete");
            callback.shutdownComplete(GracefulShutdownResult.IDLE);
        }
    }

    /** Ends a graceful shutdown in progress (its requests are cut off) and waits for its report. */
    synchronized void abort() {
        Thread thread = waiter;
        if (thread == null) {
            return;
        }
        waiter = null;
        abortedWithRequestsActive = server.activeRequests() > 0;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets a finished shutdown, so the server can be started and shut down again. */
    synchronized void reset() {
        abort();
    }
}
