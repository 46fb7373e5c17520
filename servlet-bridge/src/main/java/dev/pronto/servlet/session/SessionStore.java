package dev.pronto.servlet.session;

import java.util.Collection;

/**
 * Where a {@link SessionManager} keeps its sessions: the SPI an external store can implement later.
 * Implementations must be thread-safe: request threads and the sweeper call them concurrently.
 */
public interface SessionStore {

    /** The session with this id, or null. */
    HttpSessionImpl get(String id);

    /** Stores a session under its current {@link HttpSessionImpl#getId() id}, replacing any other. */
    void put(HttpSessionImpl session);

    /** Removes and returns the session with this id, or null. */
    HttpSessionImpl remove(String id);

    /** The ids held now; a snapshot or weakly consistent view, safe to iterate while the store changes. */
    Collection<String> ids();

    /** How many sessions are held now. */
    default int size() {
        return ids().size();
    }
}
