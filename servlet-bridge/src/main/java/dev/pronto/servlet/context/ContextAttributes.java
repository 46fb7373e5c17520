package dev.pronto.servlet.context;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A context's attributes, which tell its attribute listeners of every change (Servlet 6.1 §4.3, §11.2), and its init
 * parameters, set while the application is configured. Part of {@link ServletContextImpl}; thread-safe.
 */
final class ContextAttributes {

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final Map<String, String> initParameters = new LinkedHashMap<>();
    private final ServletContext source;
    private final WebApplication app;

    ContextAttributes(ServletContext source, WebApplication app) {
        this.source = source;
        this.app = app;
    }

    String initParameter(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        synchronized (initParameters) {
            return initParameters.get(name);
        }
    }

    Enumeration<String> initParameterNames() {
        synchronized (initParameters) {
            return Collections.enumeration(List.copyOf(initParameters.keySet()));
        }
    }

    /** Sets {@code name} unless it is set already (§4.4: then false). The caller checks it may configure. */
    boolean setInitParameter(String name, String value) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        synchronized (initParameters) {
            return initParameters.putIfAbsent(name, value) == null;
        }
    }

    Object get(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        return attributes.get(name);
    }

    Enumeration<String> names() {
        return Collections.enumeration(List.copyOf(attributes.keySet()));
    }

    void set(String name, Object object) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        if (object == null) {
            remove(name);
            return;
        }
        Object old = attributes.put(name, object);
        List<ServletContextAttributeListener> listeners = app.listeners().contextAttributes;
        if (listeners.isEmpty()) {
            return;
        }
        ServletContextAttributeEvent event = new ServletContextAttributeEvent(source, name, old == null ? object : old);
        for (ServletContextAttributeListener listener : listeners) {
            if (old == null) {
                listener.attributeAdded(event);
            } else {
                listener.attributeReplaced(event);
            }
        }
    }

    void remove(String name) {
        Object old = attributes.remove(name);
        List<ServletContextAttributeListener> listeners = app.listeners().contextAttributes;
        if (old == null || listeners.isEmpty()) {
            return;
        }
        ServletContextAttributeEvent event = new ServletContextAttributeEvent(source, name, old);
        for (ServletContextAttributeListener listener : listeners) {
            listener.attributeRemoved(event);
        }
    }
}
