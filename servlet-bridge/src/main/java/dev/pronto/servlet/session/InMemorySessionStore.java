package dev.pronto.servlet.session;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The default {@link SessionStore}: a {@link ConcurrentHashMap} in this JVM. Thread-safe. */
public final class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<String, HttpSessionImpl> sessions = new ConcurrentHashMap<>();

    @Override
    public HttpSessionImpl get(String id) {
        return sessions.get(id);
    }

    @Override
    public void put(HttpSessionImpl session) {
        sessions.put(session.getId(), session);
    }

    @Override
    public HttpSessionImpl remove(String id) {
        return sessions.remove(id);
    }

    /** A weakly consistent, unmodifiable view of the key set. */
    @Override
    public Collection<String> ids() {
        return Collections.unmodifiableSet(sessions.keySet());
    }

    @Override
    public int size() {
        return sessions.size();
    }
}
