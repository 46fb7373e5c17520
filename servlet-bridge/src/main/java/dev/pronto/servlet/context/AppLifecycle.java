package dev.pronto.servlet.context;

import dev.pronto.servlet.resource.DefaultServlet;
import dev.pronto.servlet.resource.ResourceBase;
import dev.pronto.servlet.security.SecurityConfiguration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one web application's life (Servlet 6.1 §4.4, §8.2): initializers, then context listeners (§4.4 rights), the
 * default servlet, security, sessions and filters; load-on-startup servlets; and at the end servlets, filters and
 * listeners in reverse, then the temporary directory and the resources closed with the application. Called on the
 * thread that starts or stops the application; the state it moves is the application's.
 */
final class AppLifecycle {

    private final WebApplication app;
    private final List<Map.Entry<ServletContainerInitializer, Set<Class<?>>>> initializers = new ArrayList<>();
    private final ListenerRights listenerRights = new ListenerRights();
    private final ContextTempDir tempDir = new ContextTempDir();
    private final List<AutoCloseable> closeOnDestroy = new ArrayList<>();

    AppLifecycle(WebApplication app) {
        this.app = app;
    }

    void addInitializer(ServletContainerInitializer initializer, Set<Class<?>> classes) {
        initializers.add(Map.entry(initializer, classes == null ? Set.of() : classes));
    }

    void addedProgrammatically(EventListener listener) {
        listenerRights.addedProgrammatically(listener);
    }

    void closeOnDestroy(AutoCloseable resource) {
        synchronized (closeOnDestroy) {
            closeOnDestroy.add(resource);
        }
    }

    /** Initializers, context listeners, default servlet, security, sessions, mapper, filters; under the app's loader. */
    void initialize() throws ServletException {
        ServletContextImpl context = app.context();
        String contextPath = app.contextPath();
        ClassLoader previous = ClassLoaderSwap.enter(app.classLoader());
        try {
            tempDir.publish(context, contextPath.isEmpty() ? "ROOT" : contextPath.substring(1));
            app.moveTo(WebApplication.State.RUNNING_INITIALIZERS);
            for (Map.Entry<ServletContainerInitializer, Set<Class<?>>> e : initializers) {
                e.getKey().onStartup(e.getValue().isEmpty() ? null : e.getValue(), context);
            }
            app.moveTo(WebApplication.State.NOTIFYING_LISTENERS);
            ServletContextEvent event = new ServletContextEvent(context);
            for (ServletContextListener listener : app.listeners().context) {
                listener.contextInitialized(listenerRights.eventFor(listener, event, context));
            }
            if (app.installsDefaultServlet() && app.resources() != ResourceBase.NONE) {
                // last, so that "/" stays the application's if it mapped it
                DefaultServlet.install(context, app.welcomeFiles());
            }
            app.webSecurity(app.security().build(servletConstraints()));
            app.moveTo(WebApplication.State.INITIALIZED);
            app.appSessions().start(context, context.getSessionTimeout(), app.classLoader(), contextPath, app.log());
            app.mapper();
            for (FilterHolder filter : app.filters()) {
                filter.filter();
            }
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }

    /** Each servlet's {@code setServletSecurity} element, else its class's {@code @ServletSecurity} (§13.4.1). */
    private List<SecurityConfiguration.ServletConstraints> servletConstraints() {
        List<SecurityConfiguration.ServletConstraints> list = new ArrayList<>();
        for (ServletHolder holder : app.servlets()) {
            jakarta.servlet.ServletSecurityElement element = holder.servletSecurity();
            if (element != null) {
                list.add(new SecurityConfiguration.ServletConstraints(holder.getName(), holder.getMappings(), element));
            }
        }
        return list;
    }

    /** The load-on-startup servlets in ascending order (Servlet 6.1 §8.2.3). */
    void startServlets() throws ServletException {
        List<ServletHolder> ordered = new ArrayList<>();
        for (ServletHolder holder : app.servlets()) {
            if (holder.getLoadOnStartup() >= 0) {
                ordered.add(holder);
            }
        }
        ordered.sort(Comparator.comparingInt(ServletHolder::getLoadOnStartup));
        for (ServletHolder holder : ordered) {
            holder.servlet();
        }
    }

    /** Sessions out, servlets, filters, then the context listeners in reverse order; the resources last. */
    void destroy() {
        ServletContextImpl context = app.context();
        app.appSessions().stop(app.classLoader(), app.contextPath(), app.log());
        ClassLoader previous = ClassLoaderSwap.enter(app.classLoader());
        try {
            List<ServletHolder> all = new ArrayList<>(app.servlets());
            Collections.reverse(all);
            all.forEach(ServletHolder::destroy);
            List<FilterHolder> allFilters = new ArrayList<>(app.filters());
            Collections.reverse(allFilters);
            allFilters.forEach(FilterHolder::destroy);
            ServletContextEvent event = new ServletContextEvent(context);
            List<ServletContextListener> reversed = new ArrayList<>(app.listeners().context);
            Collections.reverse(reversed);
            for (ServletContextListener listener : reversed) {
                try {
                    listener.contextDestroyed(listenerRights.eventFor(listener, event, context));
                } catch (RuntimeException | LinkageError e) { // one listener's failure must not stop the undeploy
                    app.log().warn("contextDestroyed failed in {}", listener, e);
                }
            }
        } finally {
            ClassLoaderSwap.exit(previous);
            tempDir.delete();
            closeResources();
        }
    }

    private void closeResources() {
        List<AutoCloseable> resources;
        synchronized (closeOnDestroy) {
            resources = new ArrayList<>(closeOnDestroy);
            closeOnDestroy.clear();
        }
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                app.log().warn("Closing {} failed", resource, e);
            }
        }
    }
}
