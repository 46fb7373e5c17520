package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.session.HttpSessionImpl;
import dev.pronto.servlet.session.SessionStoreException;

/**
 * The commit-after-request hook: when a request's application code is done and before its response completes,
 * the session it used goes back to its store (a shared store writes what changed; in memory nothing happens).
 * Writing before the response ends means the client's next request, on whichever instance, sees the change.
 * Runs on the request's thread (a worker: a store that blocks keeps requests off the event loop).
 */
final class SessionCommit {

    private SessionCommit() {
    }

    /** Commits the cycle's session; a store that is down turns a response not yet committed into a 503. */
    static void commit(RequestCycle cycle) {
        HttpSessionImpl session = cycle.request.sessionInUse();
        if (session == null) {
            return;
        }
        try {
            cycle.deployment.app.sessions().requestEnded(session);
        } catch (SessionStoreException e) {
            // the store logged the outage; the client must not believe its change was kept
            cycle.deployment.errors.onException(cycle, e);
        }
    }

    /** The store failure behind {@code error}, or null. */
    static SessionStoreException storeFailure(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SessionStoreException store) {
                return store;
            }
        }
        return null;
    }
}
