package dev.pronto.servlet.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a shared store writes, and when: dirty tracking over a repository that records every call. */
class SharedSessionStoreTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final RecordingRepository repository = new RecordingRepository();
    private final SharedSessionStore store = new SharedSessionStore(repository, "test");
    private final SessionManager manager =
            new SessionManager(SessionManagerTest.CONTEXT, store, new SessionListeners(), Duration.ZERO, clock::get);

    @AfterEach
    void close() {
        manager.close();
    }

    /** Starts a "request" on the session with this id, as HttpServletRequestImpl does. */
    private HttpSessionImpl join(String id) {
        HttpSessionImpl session = manager.findSession(id);
        assertNotNull(session, id);
        session.access();
        return session;
    }

    @Test
    void aNewSessionIsWrittenOnceWhenItsRequestEnds() {
        HttpSessionImpl session = manager.createSession();
        session.setAttribute("user", "ada");
        assertTrue(repository.writes.isEmpty(), "nothing written during the request");
        manager.requestEnded(session);
        SessionRepository.Write write = repository.writes.get(0);
        assertTrue(write.create());
        assertEquals(Set.of("user"), write.changed().keySet());
        assertEquals(1, repository.writes.size());
    }

    @Test
    void aReadOnlyRequestOnlyTouches() {
        HttpSessionImpl created = manager.createSession();
        created.setAttribute("user", "ada");
        manager.requestEnded(created);
        clock.addAndGet(5_000);

        HttpSessionImpl copy = join(created.getId());
        assertNotSame(created, copy, "each request reads its own copy");
        assertEquals("ada", copy.getAttribute("user"));
        assertFalse(copy.isNew());
        assertEquals(1_000_000, copy.getLastAccessedTime(), "the previous request's start (Servlet 6.1 §7.6)");
        manager.requestEnded(copy);
        SessionRepository.Write touch = repository.writes.get(1);
        assertTrue(touch.touchOnly(), "no attribute written: " + touch);
        assertEquals(1_005_000, touch.lastAccessedTime());
    }

    @Test
    void onlyChangedAttributesAreWrittenIncludingOnesChangedInPlace() {
        HttpSessionImpl created = manager.createSession();
        created.setAttribute("user", "ada");
        created.setAttribute("cart", new ArrayList<>(List.of("a")));
        created.setAttribute("gone", 1);
        manager.requestEnded(created);

        HttpSessionImpl copy = join(created.getId());
        @SuppressWarnings("unchecked")
        List<String> cart = (List<String>) copy.getAttribute("cart");
        cart.add("b"); // no setAttribute: found by comparing the serialized form
        copy.setAttribute("user", "ada"); // set again, equal: not written
        copy.removeAttribute("gone");
        manager.requestEnded(copy);
        SessionRepository.Write write = repository.writes.get(1);
        assertEquals(Set.of("cart"), write.changed().keySet());
        assertEquals(Set.of("gone"), write.removed());
        assertFalse(write.create());
    }

    @Test
    void timeoutChangesAreWrittenAndInvalidationDeletesAtOnce() {
        HttpSessionImpl created = manager.createSession();
        manager.requestEnded(created);
        HttpSessionImpl copy = join(created.getId());
        copy.setMaxInactiveInterval(-1);
        manager.requestEnded(copy);
        assertEquals(-1, repository.writes.get(1).maxInactiveInterval());

        HttpSessionImpl other = join(created.getId());
        other.invalidate();
        assertNull(repository.sessions.get(created.getId()), "deleted when invalidated, not at the request's end");
        manager.requestEnded(other);
        assertEquals(2, repository.writes.size(), "nothing written for an invalidated session");
    }

    @Test
    void anIdChangeRenamesAStoredSessionAndAStaleCopyIsNotWrittenBack() {
        HttpSessionImpl created = manager.createSession();
        manager.requestEnded(created);
        String oldId = created.getId();
        HttpSessionImpl stale = join(oldId);
        HttpSessionImpl copy = join(oldId);
        String newId = manager.changeSessionId(copy);
        assertNull(repository.sessions.get(oldId));
        assertNotNull(repository.sessions.get(newId));
        manager.requestEnded(copy);
        stale.setAttribute("late", "x");
        manager.requestEnded(stale);
        assertNull(repository.sessions.get(oldId), "a copy under the old id does not bring it back");
    }

    @Test
    void aStoreThatIsDownFailsWithSessionStoreException() {
        repository.down = true;
        assertThrows(SessionStoreException.class, () -> manager.findSession("abc"));
        assertThrows(SessionStoreException.class, manager::createSession, "a new id is checked against the store");
        repository.down = false;
        assertNull(manager.findSession("abc"));
    }

    /** A repository in a map that records each write. */
    static final class RecordingRepository implements SessionRepository {
        final Map<String, Stored> sessions = new ConcurrentHashMap<>();
        final List<Write> writes = new ArrayList<>();
        volatile boolean down;

        private void check() {
            if (down) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public Stored load(String id) {
            check();
            return sessions.get(id);
        }

        @Override
        public synchronized boolean save(String id, Write write) {
            check();
            Stored old = sessions.get(id);
            if (!write.create() && old == null) {
                return false;
            }
            writes.add(write);
            Map<String, byte[]> attributes = old == null ? new HashMap<>() : new HashMap<>(old.attributes());
            attributes.keySet().removeAll(write.removed());
            attributes.putAll(write.changed());
            long created = old == null ? write.creationTime() : old.creationTime();
            sessions.put(id, new Stored(created, write.lastAccessedTime(), write.maxInactiveInterval(), attributes));
            return true;
        }

        @Override
        public boolean rename(String oldId, String newId) {
            check();
            Stored s = sessions.remove(oldId);
            if (s != null) {
                sessions.put(newId, s);
            }
            return s != null;
        }

        @Override
        public void delete(String id) {
            check();
            sessions.remove(id);
        }

        @Override
        public boolean exists(String id) {
            check();
            return sessions.containsKey(id);
        }

        @Override
        public void close() {
        }
    }
}
