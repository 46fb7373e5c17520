package dev.pronto.servlet.context;

import dev.pronto.servlet.session.SessionCookieConfigImpl;
import dev.pronto.servlet.session.SessionListeners;
import dev.pronto.servlet.session.SessionManager;
import dev.pronto.servlet.session.SessionMetrics;
import dev.pronto.servlet.session.SessionPersistence;
import dev.pronto.servlet.session.SessionStore;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * The sessions of one web application: the store (in memory unless one is plugged in), persistence across restarts,
 * the session listeners and cookie settings, and the manager made when the application initialises. Configured on
 * the application's configuring thread; the manager is then read by request threads.
 */
final class AppSessions {

    private final SessionListeners listeners = new SessionListeners();
    private final SessionCookieConfigImpl cookieConfig = new SessionCookieConfigImpl();
    private volatile SessionStore store;
    private volatile SessionPersistence persistence;
    private volatile int maxActive = -1;
    private volatile SessionManager manager;

    SessionListeners listeners() {
        return listeners;
    }

    SessionCookieConfigImpl cookieConfig() {
        return cookieConfig;
    }

    void store(SessionStore store) {
        this.store = store;
    }

    /** Whether the store waits on I/O (a shared store); safe before the manager exists. */
    boolean storeBlocks() {
        SessionStore current = store;
        return current != null && current.blocking();
    }

    void persistTo(Path directory) {
        this.persistence = directory == null ? null : new SessionPersistence(directory);
    }

    Path persistenceDirectory() {
        SessionPersistence current = persistence;
        return current == null ? null : current.file().getParent();
    }

    void maxActive(int max) {
        this.maxActive = max;
    }

    /**
     * Makes the manager once the context is initialised ({@code timeoutMinutes} from it), then reads back what the
     * last stop persisted, with the application's class loader (current here).
     */
    void start(ServletContextImpl context, int timeoutMinutes, ClassLoader classLoader, String contextPath,
               Logger log) {
        cookieConfig.lock();
        SessionManager created = store == null ? new SessionManager(context, listeners)
                : new SessionManager(context, store, listeners, SessionManager.DEFAULT_SWEEP_INTERVAL);
        created.setDefaultMaxInactiveInterval(timeoutMinutes * 60);
        created.setMaxActiveSessions(maxActive);
        manager = created;
        restore(created, classLoader, contextPath, log);
    }

    /** Writes the sessions out (when persistent) and closes the manager; nothing when never started. */
    void stop(ClassLoader classLoader, String contextPath, Logger log) {
        SessionManager current = manager;
        if (current == null) {
            return;
        }
        persist(current, classLoader, contextPath, log);
        current.close();
    }

    /** The manager, or null before the application is initialised. */
    SessionManager manager() {
        return manager;
    }

    SessionMetrics metrics() {
        SessionManager current = manager;
        return current == null ? null : current.metrics();
    }

    private void restore(SessionManager created, ClassLoader classLoader, String contextPath, Logger log) {
        SessionPersistence current = persistence;
        if (current == null) {
            return;
        }
        try {
            int restored = current.load(created, classLoader);
            if (restored > 0) {
                log.info("Restored {} session(s) of context '{}' from {}", restored, contextPath, current.file());
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("Could not restore the sessions of context '{}' from {}", contextPath, current.file(), e);
        }
    }

    /** A failure loses the sessions, logged, and stops nothing. */
    private void persist(SessionManager current, ClassLoader classLoader, String contextPath, Logger log) {
        SessionPersistence target = persistence;
        if (target == null) {
            return;
        }
        ClassLoader previous = ClassLoaderSwap.enter(classLoader);
        try {
            int saved = target.save(current);
            log.debug("Persisted {} session(s) of context '{}' to {}", saved, contextPath, target.file());
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("Could not persist the sessions of context '{}' to {}", contextPath, target.file(), e);
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }
}
