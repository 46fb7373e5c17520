package dev.pronto.servlet.context;

import dev.pronto.servlet.mapping.ServletMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servlets and filters of one web application by name, in registration order, and the servlet mapper built
 * from their mappings. Registration happens on the configuring thread (guarded, as initializers may hand the context
 * around); lookups come from any thread.
 */
final class Registrations {

    private final Map<String, ServletHolder> servlets = new LinkedHashMap<>();
    private final Map<String, FilterHolder> filters = new LinkedHashMap<>();
    private volatile ServletMapper<ServletHolder> mapper;

    /** The new holder, or null when the name is taken (Servlet 6.1 §4.4.1.1). */
    ServletHolder addServlet(WebApplication app, String name, Servlet instance, Class<? extends Servlet> type) {
        checkName(name);
        synchronized (servlets) {
            if (servlets.containsKey(name)) {
                return null;
            }
            ServletHolder holder = new ServletHolder(app, name, instance, type);
            servlets.put(name, holder);
            return holder;
        }
    }

    /** The new holder, or null when the name is taken. */
    FilterHolder addFilter(WebApplication app, String name, Filter instance, Class<? extends Filter> type) {
        checkName(name);
        synchronized (filters) {
            if (filters.containsKey(name)) {
                return null;
            }
            FilterHolder holder = new FilterHolder(app, name, instance, type);
            filters.put(name, holder);
            return holder;
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A servlet or filter name must not be null or empty");
        }
    }

    ServletHolder servletForPattern(String pattern) {
        synchronized (servlets) {
            for (ServletHolder holder : servlets.values()) {
                if (holder.getMappings().contains(pattern)) {
                    return holder;
                }
            }
        }
        return null;
    }

    void mappingsChanged() {
        mapper = null;
    }

    /** The mapper; kept once {@code complete} (the registrations are closed), rebuilt on each call before. */
    ServletMapper<ServletHolder> mapper(boolean complete) {
        ServletMapper<ServletHolder> m = mapper;
        if (m == null) {
            ServletMapper.Builder<ServletHolder> builder = ServletMapper.builder();
            for (ServletHolder holder : servlets()) {
                for (String pattern : holder.getMappings()) {
                    builder.add(pattern, holder.getName(), holder);
                }
            }
            m = builder.build();
            if (complete) {
                mapper = m;
            }
        }
        return m;
    }

    List<ServletHolder> servlets() {
        synchronized (servlets) {
            return List.copyOf(servlets.values());
        }
    }

    ServletHolder servlet(String name) {
        synchronized (servlets) {
            return servlets.get(name);
        }
    }

    List<FilterHolder> filters() {
        synchronized (filters) {
            return List.copyOf(filters.values());
        }
    }

    FilterHolder filter(String name) {
        synchronized (filters) {
            return filters.get(name);
        }
    }
}
