package dev.pronto.servlet.session;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The session listeners of one context, registered by the ServletContext and fired by the session code.
 * Thread-safe (copy-on-write lists). {@code HttpSessionActivationListener}s are attributes, told directly by
 * {@link SessionPersistence} and {@link SharedSessionStore} when a session leaves or enters this JVM.
 *
 * <p>A listener that throws ends the notification of that event and the exception reaches the caller,
 * so one raised under a servlet's call reaches the error page mechanism (Servlet 6.1 §11.6).
 */
public final class SessionListeners {

    private final List<HttpSessionListener> lifecycle = new CopyOnWriteArrayList<>();
    private final List<HttpSessionAttributeListener> attributes = new CopyOnWriteArrayList<>();
    private final List<HttpSessionIdListener> ids = new CopyOnWriteArrayList<>();

    /**
     * Registers a listener under every session listener interface it implements, in declaration order.
     *
     * @return whether it implements any of them
     */
    public boolean add(EventListener listener) {
        boolean used = false;
        if (listener instanceof HttpSessionListener l) {
            lifecycle.add(l);
            used = true;
        }
        if (listener instanceof HttpSessionAttributeListener l) {
            attributes.add(l);
            used = true;
        }
        if (listener instanceof HttpSessionIdListener l) {
            ids.add(l);
            used = true;
        }
        return used;
    }

    void sessionCreated(HttpSession session) {
        if (!lifecycle.isEmpty()) {
            HttpSessionEvent event = new HttpSessionEvent(session);
            notifyAll(lifecycle, l -> l.sessionCreated(event));
        }
    }

    /** Servlet 6.1 §11.3.3: {@code sessionDestroyed} goes to the listeners in reverse order. */
    void sessionDestroyed(HttpSession session) {
        if (!lifecycle.isEmpty()) {
            HttpSessionEvent event = new HttpSessionEvent(session);
            notifyAll(reversed(lifecycle), l -> l.sessionDestroyed(event));
        }
    }

    void attributeAdded(HttpSession session, String name, Object value) {
        if (!attributes.isEmpty()) {
            HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, value);
            notifyAll(attributes, l -> l.attributeAdded(event));
        }
    }

    /** {@code oldValue} is what the event reports, per the {@code HttpSessionBindingEvent.getValue} contract. */
    void attributeReplaced(HttpSession session, String name, Object oldValue) {
        if (!attributes.isEmpty()) {
            HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, oldValue);
            notifyAll(attributes, l -> l.attributeReplaced(event));
        }
    }

    void attributeRemoved(HttpSession session, String name, Object value) {
        if (!attributes.isEmpty()) {
            HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, value);
            notifyAll(attributes, l -> l.attributeRemoved(event));
        }
    }

    void sessionIdChanged(HttpSession session, String oldId) {
        if (!ids.isEmpty()) {
            HttpSessionEvent event = new HttpSessionEvent(session);
            notifyAll(ids, l -> l.sessionIdChanged(event, oldId));
        }
    }

    private static <L> void notifyAll(Iterable<L> listeners, Consumer<L> call) {
        for (L listener : listeners) {
            call.accept(listener);
        }
    }

    private static <L> List<L> reversed(List<L> list) {
        List<L> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
