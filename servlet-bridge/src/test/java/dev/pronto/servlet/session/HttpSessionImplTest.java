package dev.pronto.servlet.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class HttpSessionImplTest {

    private final AtomicLong clock = new AtomicLong(5_000);
    private final SessionListeners listeners = new SessionListeners();
    private final RecordingListener recorder = new RecordingListener();
    private final SessionManager manager;
    private final HttpSessionImpl session;

    HttpSessionImplTest() {
        listeners.add(recorder);
        manager = new SessionManager(SessionManagerTest.CONTEXT, new InMemorySessionStore(), listeners, Duration.ZERO,
                clock::get);
        session = manager.createSession();
        recorder.events.clear();
    }

    /** An attribute value that records its binding events and what the session showed at that moment. */
    private final class Bound implements HttpSessionBindingListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void valueBound(HttpSessionBindingEvent event) {
            events.add("bound:" + event.getName() + ":visible=" + (session.getAttribute(event.getName()) == this));
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            events.add("unbound:" + event.getName() + ":visible=" + (session.getAttribute(event.getName()) == this));
        }
    }

    @Test
    void attributesAddReplaceRemoveWithListenerEvents() {
        session.setAttribute("a", "1");
        session.setAttribute("a", "2");
        session.removeAttribute("a");
        session.removeAttribute("a");
        assertEquals(List.of("added:a=1", "replaced:a=1", "removed:a=2"), recorder.events);
        assertNull(session.getAttribute("a"));
    }

    @Test
    void settingNullRemoves() {
        session.setAttribute("a", "1");
        session.setAttribute("a", null);
        assertNull(session.getAttribute("a"));
        assertEquals(List.of("added:a=1", "removed:a=1"), recorder.events);
    }

    @Test
    void attributeNamesAreASnapshot() {
        session.setAttribute("x", 1);
        session.setAttribute("y", 2);
        List<String> names = Collections.list(session.getAttributeNames());
        assertEquals(2, names.size());
        assertTrue(names.containsAll(List.of("x", "y")));
    }

    @Test
    void bindingListenerIsToldBeforeVisibleAndAfterGone() {
        Bound value = new Bound();
        session.setAttribute("b", value);
        assertSame(value, session.getAttribute("b"));
        session.removeAttribute("b");
        assertEquals(List.of("bound:b:visible=false", "unbound:b:visible=false"), value.events);
    }

    @Test
    void replacingUnbindsTheOldValueAndRebindingTheSameObjectTellsNothing() {
        Bound first = new Bound();
        Bound second = new Bound();
        session.setAttribute("b", first);
        session.setAttribute("b", first);
        assertEquals(List.of("bound:b:visible=false"), first.events);
        session.setAttribute("b", second);
        assertEquals(List.of("bound:b:visible=false", "unbound:b:visible=false"), first.events);
        assertEquals(List.of("bound:b:visible=false"), second.events);
    }

    @Test
    void accessMovesLastAccessedTimeToThePreviousRequest() {
        clock.set(6_000);
        session.access();
        assertEquals(5_000, session.getLastAccessedTime());
        clock.set(9_000);
        session.access();
        assertEquals(6_000, session.getLastAccessedTime());
        assertEquals(5_000, session.getCreationTime());
    }

    @Test
    void isNewUntilTheClientJoins() {
        assertTrue(session.isNew());
        session.markJoined();
        assertFalse(session.isNew());
    }

    @Test
    void invalidateTellsListenersWhileAttributesAreReadableThenUnbinds() {
        Bound value = new Bound();
        session.setAttribute("a", "kept-for-listener");
        session.setAttribute("b", value);
        recorder.events.clear();
        session.invalidate();
        assertEquals("destroyed:kept-for-listener", recorder.events.get(0));
        assertTrue(recorder.events.containsAll(List.of("removed:a=kept-for-listener", "removed:b=" + value)));
        assertEquals(List.of("bound:b:visible=false", "unbound:b:visible=false"), value.events);
        assertFalse(session.isValid());
        assertNull(manager.findSession(session.getId()));
    }

    @Test
    void invalidatedSessionThrowsIllegalStateWhereTheSpecSaysSo() {
        session.invalidate();
        List<Executable> calls = List.of(
                session::getCreationTime, session::getLastAccessedTime, () -> session.getAttribute("a"),
                session::getAttributeNames, () -> session.setAttribute("a", "b"), () -> session.removeAttribute("a"),
                session::invalidate, session::isNew, session::getAccessor);
        for (Executable call : calls) {
            assertThrows(IllegalStateException.class, call);
        }
        assertNotNull(session.getId());
        session.setMaxInactiveInterval(5);
        assertEquals(5, session.getMaxInactiveInterval());
    }

    @Test
    void listenerExceptionReachesTheCallerAndStopsThatEvent() {
        List<String> seen = new CopyOnWriteArrayList<>();
        listeners.add(new HttpSessionAttributeListener() {
            @Override
            public void attributeAdded(HttpSessionBindingEvent event) {
                throw new IllegalArgumentException("first");
            }
        });
        listeners.add(new HttpSessionAttributeListener() {
            @Override
            public void attributeAdded(HttpSessionBindingEvent event) {
                seen.add(event.getName());
            }
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.setAttribute("k", "v"));
        assertEquals("first", e.getMessage());
        assertEquals(List.of(), seen, "Servlet 6.1 §11.6: no more listeners under that event are called");
        assertEquals(List.of("added:k=v"), recorder.events, "listeners before the failing one were told");
        assertEquals("v", session.getAttribute("k"), "the attribute is bound regardless");
    }

    @Test
    void nullNameIsRejectedOnSetAndIgnoredOnRead() {
        assertThrows(NullPointerException.class, () -> session.setAttribute(null, "x"));
        assertNull(session.getAttribute(null));
        session.removeAttribute(null);
    }
}
