package dev.pronto.servlet.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionManagerTest {

    static final ServletContext CONTEXT = (ServletContext) Proxy.newProxyInstance(
            SessionManagerTest.class.getClassLoader(), new Class<?>[] {ServletContext.class}, (p, m, a) -> null);

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final SessionListeners listeners = new SessionListeners();
    private final RecordingListener recorder = new RecordingListener();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private SessionManager manager = new SessionManager(CONTEXT, store, listeners, Duration.ZERO, clock::get);

    SessionManagerTest() {
        listeners.add(recorder);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void createsNewSessionsWithRandomHexIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = manager.createSession().getId();
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
        assertEquals(1000, manager.sessionCount());
    }

    @Test
    void newSessionHasDefaultsAndFiresCreated() {
        HttpSessionImpl s = manager.createSession();
        assertTrue(s.isNew());
        assertTrue(s.isValid());
        assertEquals(1_000_000, s.getCreationTime());
        assertEquals(1_000_000, s.getLastAccessedTime());
        assertEquals(30 * 60, s.getMaxInactiveInterval());
        assertSame(CONTEXT, s.getServletContext());
        assertEquals(List.of("created"), recorder.events);
        assertSame(s, manager.findSession(s.getId()));
    }

    @Test
    void defaultTimeoutAppliesToLaterSessions() {
        manager.setDefaultMaxInactiveInterval(60);
        assertEquals(60, manager.createSession().getMaxInactiveInterval());
        assertEquals(60, manager.getDefaultMaxInactiveInterval());
    }

    @Test
    void findReturnsNullForUnknownOrNullIds() {
        assertNull(manager.findSession(null));
        assertNull(manager.findSession("nope"));
    }

    @Test
    void expiredSessionIsInvalidatedOnLookup() {
        HttpSessionImpl s = manager.createSession();
        s.setMaxInactiveInterval(10);
        clock.addAndGet(10_000);
        assertSame(s, manager.findSession(s.getId()), "exactly the interval is not yet expired");
        clock.addAndGet(1);
        assertNull(manager.findSession(s.getId()));
        assertFalse(s.isValid());
        assertEquals(List.of("created", "destroyed:null"), recorder.events);
        assertEquals(0, manager.sessionCount());
    }

    @Test
    void accessKeepsASessionAlive() {
        HttpSessionImpl s = manager.createSession();
        s.setMaxInactiveInterval(10);
        clock.addAndGet(8_000);
        s.access();
        clock.addAndGet(8_000);
        assertSame(s, manager.findSession(s.getId()));
    }

    @Test
    void zeroOrNegativeIntervalNeverExpires() {
        HttpSessionImpl zero = manager.createSession();
        zero.setMaxInactiveInterval(0);
        HttpSessionImpl negative = manager.createSession();
        negative.setMaxInactiveInterval(-1);
        clock.addAndGet(Duration.ofDays(3650).toMillis());
        assertSame(zero, manager.findSession(zero.getId()));
        assertSame(negative, manager.findSession(negative.getId()));
        assertEquals(0, manager.sweep());
    }

    @Test
    void sweepExpiresOnlyIdleSessions() {
        HttpSessionImpl idle = manager.createSession();
        idle.setMaxInactiveInterval(5);
        HttpSessionImpl busy = manager.createSession();
        busy.setMaxInactiveInterval(60);
        clock.addAndGet(6_000);
        assertEquals(1, manager.sweep());
        assertFalse(idle.isValid());
        assertTrue(busy.isValid());
        assertEquals(1, manager.sessionCount());
    }

    @Test
    void changeSessionIdRekeysAndNotifies() {
        HttpSessionImpl s = manager.createSession();
        String old = s.getId();
        String fresh = manager.changeSessionId(s);
        assertNotEquals(old, fresh);
        assertEquals(fresh, s.getId());
        assertNull(manager.findSession(old));
        assertSame(s, manager.findSession(fresh));
        assertEquals("idChanged:" + old + "->" + fresh, recorder.events.get(1));
        s.invalidate();
        assertThrows(IllegalStateException.class, () -> manager.changeSessionId(s));
    }

    @Test
    void invalidateAllEndsEverySession() {
        HttpSessionImpl a = manager.createSession();
        HttpSessionImpl b = manager.createSession();
        manager.invalidateAll();
        assertFalse(a.isValid());
        assertFalse(b.isValid());
        assertEquals(0, manager.sessionCount());
    }

    @Test
    void destroyedListenersRunInReverseOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        SessionListeners ordered = new SessionListeners();
        ordered.add(new RecordingListener("1:", events));
        ordered.add(new RecordingListener("2:", events));
        SessionManager m = new SessionManager(CONTEXT, new InMemorySessionStore(), ordered, Duration.ZERO, clock::get);
        m.createSession().invalidate();
        assertEquals(List.of("1:created", "2:created", "2:destroyed:null", "1:destroyed:null"), events);
    }

    @Test
    void failingDestroyListenerDuringSweepIsLoggedAndSessionStillEnds() {
        listeners.add(new HttpSessionListener() {
            @Override
            public void sessionDestroyed(HttpSessionEvent se) {
                throw new IllegalStateException("boom");
            }
        });
        HttpSessionImpl s = manager.createSession();
        s.setMaxInactiveInterval(1);
        s.setAttribute("a", "x");
        clock.addAndGet(2_000);
        assertEquals(1, manager.sweep());
        assertFalse(s.isValid());
        assertThrows(IllegalStateException.class, () -> s.getAttribute("a"));
        assertTrue(recorder.events.contains("removed:a=x"), "attributes are unbound even when a listener fails");
    }

    @Test
    void sweeperRunsOnADaemonThreadStartedByTheFirstSession() throws Exception {
        manager = new SessionManager(CONTEXT, store, listeners, Duration.ofMillis(10), clock::get);
        assertFalse(manager.sweeperStarted(), "no thread before the first session");
        HttpSessionImpl s = manager.createSession();
        assertTrue(manager.sweeperStarted());
        s.setMaxInactiveInterval(1);
        clock.addAndGet(5_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (s.isValid() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(s.isValid());
        Thread sweeper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("pronto-session-sweeper")).findFirst().orElseThrow();
        assertTrue(sweeper.isDaemon());
    }

    @Test
    void sweeperRunsListenersWithTheApplicationsClassLoader() throws Exception {
        ClassLoader appLoader = new java.net.URLClassLoader(new java.net.URL[0], null);
        ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, m, a) -> m.getName().equals("getClassLoader") ? appLoader : null);
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        SessionListeners own = new SessionListeners();
        own.add(new HttpSessionListener() {
            @Override
            public void sessionDestroyed(HttpSessionEvent se) {
                seen.set(Thread.currentThread().getContextClassLoader());
            }
        });
        manager = new SessionManager(context, store, own, Duration.ofMillis(10), clock::get);
        HttpSessionImpl s = manager.createSession();
        s.setMaxInactiveInterval(1);
        clock.addAndGet(5_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (seen.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertSame(appLoader, seen.get());
    }

    @Test
    void closeStopsTheSweeperButInvalidatesNothing() {
        manager = new SessionManager(CONTEXT, store, listeners, Duration.ofMillis(10), clock::get);
        HttpSessionImpl s = manager.createSession();
        manager.close();
        assertTrue(s.isValid());
        assertSame(s, manager.findSession(s.getId()));
        assertThrows(IllegalStateException.class, manager::createSession);
    }

    @Test
    void accessorReachesTheSessionFromOutsideARequest() {
        HttpSessionImpl s = manager.createSession();
        HttpSession.Accessor accessor = s.getAccessor();
        clock.addAndGet(500);
        AtomicReference<HttpSession> seen = new AtomicReference<>();
        accessor.access(seen::set);
        assertSame(s, seen.get());
        clock.addAndGet(500);
        s.access();
        assertEquals(1_000_500, s.getLastAccessedTime(), "the accessor counted as an access");
    }

    @Test
    void accessorFailsAfterInvalidationOrIdChange() {
        HttpSessionImpl changed = manager.createSession();
        HttpSession.Accessor stale = changed.getAccessor();
        manager.changeSessionId(changed);
        assertThrows(IllegalStateException.class, () -> stale.access(x -> { }));
        HttpSessionImpl ended = manager.createSession();
        HttpSession.Accessor accessor = ended.getAccessor();
        ended.invalidate();
        assertThrows(IllegalStateException.class, () -> accessor.access(x -> { }));
        assertThrows(IllegalStateException.class, ended::getAccessor);
    }

    @Test
    void listenersHolderIgnoresUnrelatedListeners() {
        assertFalse(new SessionListeners().add(new java.util.EventListener() { }));
        assertTrue(new SessionListeners().add(new RecordingListener()));
    }
}
