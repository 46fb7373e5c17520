package dev.pronto.servlet.context;

import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's context and request listeners by kind, in registration order. Registered while configuring, read on every request;
 * copy-on-write lists keep reads lock-free and thread-safe.
 */
public final class Listeners {

    static final List<Class<? extends EventListener>> SUPPORTED = List.of(ServletContextListener.class,
            ServletContextAttributeListener.class, ServletRequestListener.class, ServletRequestAttributeListener.class,
            HttpSessionListener.class, HttpSessionAttributeListener.class, HttpSessionIdListener.class);

    public final List<ServletContextListener> context = new CopyOnWriteArrayList<>();
    public final List<ServletContextAttributeListener> contextAttributes = new CopyOnWriteArrayList<>();
    public final List<ServletRequestListener> request = new CopyOnWriteArrayList<>();
    public final List<ServletRequestAttributeListener> requestAttributes = new CopyOnWriteArrayList<>();

    static boolean isSupported(Class<?> type) {
        for (Class<?> kind : SUPPORTED) {
            if (kind.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code listener} to every list whose kind it implements (session kinds live in SessionListeners). */
    void add(EventListener listener) {
        if (!isSupported(listener.getClass())) {
            throw new IllegalArgumentException(listener.getClass().getName()
                    + " implements none of the supported listener interfaces " + SUPPORTED);
        }
        if (listener instanceof ServletContextListener l) {
            context.add(l);
        }
        if (listener instanceof ServletContextAttributeListener l) {
            contextAttributes.add(l);
        }
        if (listener instanceof ServletRequestListener l) {
            request.add(l);
        }
        if (listener instanceof ServletRequestAttributeListener l) {
            requestAttributes.add(l);
        }
    }
}
