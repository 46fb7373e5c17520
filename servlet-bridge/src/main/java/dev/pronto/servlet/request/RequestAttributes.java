package dev.pronto.servlet.request;

import dev.pronto.servlet.context.WebApplication;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSession;

/**
 * The request's attributes (Servlet 6.1 §3.10), telling the application's attribute listeners of each change; the
 * TLS attributes of a secure connection are added when one is first asked for. Part of
 * {@link HttpServletRequestImpl}; used by the thread running the request (a concurrent map, as async code may peek).
 */
final class RequestAttributes {

    private static final String TLS_PREFIX = "jakarta.servlet.request.";

    private final ServletRequest request;
    private final WebApplication app;
    private final SSLSession tls;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    /** True once the TLS attributes were looked up (or found absent): they are added at most once. */
    private boolean tlsLoaded;

    /** @param tls the connection's TLS session, or null */
    RequestAttributes(ServletRequest request, WebApplication app, SSLSession tls) {
        this.request = request;
        this.app = app;
        this.tls = tls;
    }

    Object get(String name) {
        Object value = values.get(name);
        if (value == null && !tlsLoaded && name.startsWith(TLS_PREFIX)) {
            loadTls();
            value = values.get(name);
        }
        return value;
    }

    Enumeration<String> names() {
        if (!tlsLoaded) {
            loadTls();
        }
        return Collections.enumeration(List.copyOf(values.keySet()));
    }

    void set(String name, Object value) {
        Object old = values.put(name, value);
        List<ServletRequestAttributeListener> listeners = app.listeners().requestAttributes;
        if (listeners.isEmpty()) {
            return;
        }
        ServletRequestAttributeEvent event = new ServletRequestAttributeEvent(app.context(), request, name,
                old == null ? value : old);
        for (ServletRequestAttributeListener l : listeners) {
            if (old == null) {
                l.attributeAdded(event);
            } else {
                l.attributeReplaced(event);
            }
        }
    }

    void remove(String name) {
        Object old = values.remove(name);
        List<ServletRequestAttributeListener> listeners = app.listeners().requestAttributes;
        if (old == null || listeners.isEmpty()) {
            return;
        }
        ServletRequestAttributeEvent event = new ServletRequestAttributeEvent(app.context(), request, name, old);
        for (ServletRequestAttributeListener l : listeners) {
            l.attributeRemoved(event);
        }
    }

    /** Servlet 6.1 §3.10: the TLS attributes exist on a secure connection; read from its session when first asked. */
    private void loadTls() {
        tlsLoaded = true;
        if (tls != null) {
            TlsRequestAttributes.of(tls).forEach(values::putIfAbsent);
        }
    }
}
