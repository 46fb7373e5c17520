package dev.pronto.servlet.context;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Collections;
import java.util.EventListener;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Servlet 6.1 §4.4: a {@code ServletContextListener} added through {@code ServletContext.addListener} (only from a
 * container initializer) is told about a restricted context, whose configuration methods throw; declared listeners
 * get the full one. Used on the application's life-cycle thread.
 */
final class ListenerRights {

    private final Set<EventListener> programmatic = Collections.newSetFromMap(new IdentityHashMap<>());
    private ServletContextEvent restrictedEvent;

    void addedProgrammatically(EventListener listener) {
        if (listener instanceof ServletContextListener) {
            programmatic.add(listener);
        }
    }

    /** The event {@code listener} is told: {@code full}, or the restricted one for a programmatic listener. */
    ServletContextEvent eventFor(ServletContextListener listener, ServletContextEvent full, ServletContextImpl context) {
        if (!programmatic.contains(listener)) {
            return full;
        }
        if (restrictedEvent == null) {
            restrictedEvent = new ServletContextEvent(RestrictedServletContext.of(context));
        }
        return restrictedEvent;
    }
}
