package dev.pronto.servlet.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSessionActivationListener;
import jakarta.servlet.http.HttpSessionEvent;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and restoring sessions: times kept, expired dropped, unserializable attributes skipped, activation. */
class SessionPersistenceTest {

    static final List<String> activation = new CopyOnWriteArrayList<>();

    /** Told when its session is persisted and restored. */
    static final class Activated implements HttpSessionActivationListener, Serializable {
        @Override
        public void sessionWillPassivate(HttpSessionEvent se) {
            activation.add("passivate");
        }

        @Override
        public void sessionDidActivate(HttpSessionEvent se) {
            activation.add("activate");
        }
    }

    /** Claims to be serializable but is not. */
    static final class Broken implements Serializable {
        private void writeObject(ObjectOutputStream out) throws IOException {
            throw new NotSerializableException("not today");
        }
    }

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private SessionManager manager() {
        return new SessionManager(SessionManagerTest.CONTEXT, new InMemorySessionStore(), new SessionListeners(),
                Duration.ZERO, clock::get);
    }

    @Test
    void restoresValidSessionsWithTheirTimesAndSerializableAttributes() throws IOException {
        SessionManager before = manager();
        HttpSessionImpl kept = before.createSession();
        kept.setAttribute("n", 42);
        kept.setAttribute("thread", new Object()); // not Serializable: skipped
        kept.setAttribute("broken", new Broken()); // fails while serializing: skipped
        kept.setAttribute("activated", new Activated());
        kept.markJoined();
        HttpSessionImpl shortLived = before.createSession();
        shortLived.setMaxInactiveInterval(10);
        clock.addAndGet(5_000);
        kept.access();
        SessionPersistence persistence = new SessionPersistence(dir);
        assertEquals(2, persistence.save(before));
        before.close();

        clock.addAndGet(6_000); // shortLived is now idle 11 s > 10 s: dropped at restore
        SessionManager after = manager();
        assertEquals(1, persistence.load(after, getClass().getClassLoader()));
        assertFalse(Files.exists(persistence.file()), "the file is deleted once read");
        HttpSessionImpl restored = after.findSession(kept.getId());
        assertNotNull(restored);
        assertNull(after.findSession(shortLived.getId()));
        assertEquals(42, restored.getAttribute("n"));
        assertNull(restored.getAttribute("thread"));
        assertNull(restored.getAttribute("broken"));
        assertTrue(restored.getAttribute("activated") instanceof Activated);
        assertEquals(1_000_000, restored.getCreationTime());
        assertEquals(1_000_000, restored.getLastAccessedTime());
        assertFalse(restored.isNew());
        assertEquals(List.of("passivate", "activate"), activation);
        assertEquals(1, after.metrics().active());
        after.close();
    }

    @Test
    void noFileRestoresNothing() throws IOException {
        assertEquals(0, new SessionPersistence(dir).load(manager(), getClass().getClassLoader()));
    }
}
