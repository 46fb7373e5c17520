package dev.pronto.servlet.session;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a shared store's outage once: the first failure as a warning (the cause's message, no stack trace), the
 * following ones at debug, and the first success after it as "reachable again". Thread-safe.
 */
final class StoreOutageLog {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSessionStore.class);

    private final String store;
    private final AtomicBoolean down = new AtomicBoolean();

    StoreOutageLog(String store) {
        this.store = store;
    }

    void failed(RuntimeException e) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("Session store {} is unavailable: {} (requests that need a session get 503 until it is back; "
                    + "further failures are logged at debug)", store, rootMessage(e));
        } else {
            LOG.debug("Session store {} still unavailable: {}", store, rootMessage(e));
        }
    }

    void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("Session store {} is reachable again", store);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getMessage() + " (" + root + ")";
    }
}
