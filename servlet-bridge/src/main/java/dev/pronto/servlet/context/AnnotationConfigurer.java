package dev.pronto.servlet.context;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.LinkedHashSet;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Applies {@code @WebServlet}, {@code @WebFilter} and {@code @WebListener} of the classes an application names
 * (Servlet 6.1 §8.1), and finds the {@code ServletContainerInitializer}s with {@link ServiceLoader}, handing each
 * the candidate classes its {@code @HandlesTypes} asks for (§8.2.4). Runs on the configuring thread.
 */
public final class AnnotationConfigurer {

    private AnnotationConfigurer() {
    }

    /** Registers every annotated component among {@code classes}. */
    @SuppressWarnings("unchecked")
    public static void register(WebApplication app, Set<Class<?>> classes) {
        for (Class<?> type : classes) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null && Servlet.class.isAssignableFrom(type)) {
                registerServlet(app, (Class<? extends Servlet>) type, servlet);
            }
            WebFilter filter = type.getAnnotation(WebFilter.class);
            if (filter != null && Filter.class.isAssignableFrom(type)) {
                registerFilter(app, (Class<? extends Filter>) type, filter);
            }
            if (type.isAnnotationPresent(WebListener.class) && EventListener.class.isAssignableFrom(type)) {
                addDeclaredListener(app, (Class<? extends EventListener>) type);
            }
        }
    }

    private static void registerServlet(WebApplication app, Class<? extends Servlet> type, WebServlet a) {
        String name = a.name().isEmpty() ? type.getName() : a.name();
        ServletRegistration.Dynamic reg = app.context().addServlet(name, type);
        if (reg == null) {
            return; // a servlet of that name was declared explicitly: the declaration wins (§8.1.1)
        }
        String[] patterns = a.urlPatterns().length > 0 ? a.urlPatterns() : a.value();
        if (patterns.length > 0) {
            reg.addMapping(patterns);
        }
        reg.setLoadOnStartup(a.loadOnStartup());
        reg.setAsyncSupported(a.asyncSupported());
        for (WebInitParam p : a.initParams()) {
            reg.setInitParameter(p.name(), p.value());
        }
        MultipartConfig multipart = type.getAnnotation(MultipartConfig.class);
        if (multipart != null) {
            reg.setMultipartConfig(new MultipartConfigElement(multipart));
        }
    }

    /** A {@code @WebListener} is declared (§8.1.4): it keeps full rights over the context (§4.4). */
    private static void addDeclaredListener(WebApplication app, Class<? extends EventListener> type) {
        try {
            app.addListener(app.context().createListener(type));
        } catch (jakarta.servlet.ServletException e) {
            throw new IllegalArgumentException("Cannot create listener " + type.getName(), e);
        }
    }

    private static void registerFilter(WebApplication app, Class<? extends Filter> type, WebFilter a) {
        String name = a.filterName().isEmpty() ? type.getName() : a.filterName();
        FilterRegistration.Dynamic reg = app.context().addFilter(name, type);
        if (reg == null) {
            return;
        }
        reg.setAsyncSupported(a.asyncSupported());
        for (WebInitParam p : a.initParams()) {
            reg.setInitParameter(p.name(), p.value());
        }
        EnumSet<DispatcherType> types = EnumSet.noneOf(DispatcherType.class);
        types.addAll(Arrays.asList(a.dispatcherTypes()));
        String[] patterns = a.urlPatterns().length > 0 ? a.urlPatterns() : a.value();
        if (patterns.length > 0) {
            reg.addMappingForUrlPatterns(types, true, patterns);
        }
        if (a.servletNames().length > 0) {
            reg.addMappingForServletNames(types, true, a.servletNames());
        }
    }

    /** Queues every initializer {@link ServiceLoader} finds, with the candidates its {@code @HandlesTypes} wants. */
    public static void discoverInitializers(WebApplication app, Set<Class<?>> candidates) {
        for (ServletContainerInitializer initializer :
                ServiceLoader.load(ServletContainerInitializer.class, app.classLoader())) {
            app.addInitializer(initializer, handledTypes(initializer, candidates));
        }
    }

    /** The candidates an initializer's {@code @HandlesTypes} selects: subtypes, or classes bearing the annotation. */
    @SuppressWarnings("unchecked")
    public static Set<Class<?>> handledTypes(ServletContainerInitializer initializer, Set<Class<?>> candidates) {
        HandlesTypes handles = initializer.getClass().getAnnotation(HandlesTypes.class);
        Set<Class<?>> selected = new LinkedHashSet<>();
        if (handles == null) {
            return selected;
        }
        for (Class<?> candidate : candidates) {
            for (Class<?> wanted : handles.value()) {
                boolean match = wanted.isAnnotation()
                        ? candidate.isAnnotationPresent((Class<? extends Annotation>) wanted)
                        : wanted.isAssignableFrom(candidate) && candidate != wanted;
                if (match) {
                    selected.add(candidate);
                }
            }
        }
        return selected;
    }
}
