package dev.pronto.servlet.session;

import java.util.Collection;

/**
 * Where a {@link SessionManager} keeps its sessions: {@link InMemorySessionStore} by default, or a store shared by
 * several instances ({@link SharedSessionStore} over a {@link SessionRepository}, e.g. Redis). Implementations must
 * be thread-safe: request threads and the sweeper call them concurrently.
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

    /** Whether a session with this id exists; used to keep new ids unique. */
    default boolean contains(String id) {
        return get(id) != null;
    }

    /** The session, held under {@code oldId}, now has its {@link HttpSessionImpl#getId() new id}. */
    default void changeId(HttpSessionImpl session, String oldId) {
        put(session);
        remove(oldId);
    }

    /**
     * A request that used {@code session} has ended and its response is about to complete: a shared store writes
     * what the request changed here. The in-memory store has nothing to do.
     *
     * @throws SessionStoreException when the store cannot be reached
     */
    default void requestEnded(HttpSessionImpl session) {
    }

    /** Whether this store's calls wait on I/O: the application's requests then never run inline on the event loop. */
    default boolean blocking() {
        return false;
    }

    /** Called once by the manager that uses this store, before any other call. */
    default void attach(SessionManager manager) {
    }
}
