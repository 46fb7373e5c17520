package dev.pronto.servlet.session;

import java.util.Map;
import java.util.Set;

/**
 * Byte-level storage of sessions outside this JVM, shared by every instance of an application (Redis, for one):
 * the SPI under {@link SharedSessionStore}, which does the serializing, the listeners and the dirty tracking.
 * Every call may block on I/O (callers are request workers); failures are {@link SessionStoreException}s.
 * Implementations are thread-safe.
 */
public interface SessionRepository extends AutoCloseable {

    /** Called once, before any other call, with the context path of the application whose sessions these are. */
    default void attach(String contextPath) {
    }

    /** The stored session, or null when there is none (never created, invalidated, expired or re-identified). */
    Stored load(String id);

    /**
     * Writes {@code write} to the session {@code id}: creates it when {@link Write#create()}, else changes it only
     * if it still exists (one invalidated or re-identified meanwhile elsewhere is not brought back). Sets its expiry
     * to {@link Write#maxInactiveInterval()} seconds from now, or none when that is zero or less.
     *
     * @return false when the session no longer existed, so nothing was written
     */
    boolean save(String id, Write write);

    /** Gives the session {@code oldId} the id {@code newId}, keeping its data and expiry; false if it is gone. */
    boolean rename(String oldId, String newId);

    /** Deletes the session; no error if it does not exist. */
    void delete(String id);

    /** Whether a session with this id exists. */
    boolean exists(String id);

    /** Releases connections; called when the application is destroyed. */
    @Override
    void close();

    /** A stored session: its times, its timeout in seconds and each attribute's serialized bytes. */
    record Stored(long creationTime, long lastAccessedTime, int maxInactiveInterval, Map<String, byte[]> attributes) {
    }

    /**
     * What one request changes: the times and timeout (always written), the attributes set or changed (serialized),
     * and the names removed. A write with no attribute change is the cheap "touch" of a read-only request.
     */
    record Write(boolean create, long creationTime, long lastAccessedTime, int maxInactiveInterval,
                 Map<String, byte[]> changed, Set<String> removed) {

        /** Whether only the access time and expiry change. */
        public boolean touchOnly() {
            return !create && changed.isEmpty() && removed.isEmpty();
        }
    }
}
