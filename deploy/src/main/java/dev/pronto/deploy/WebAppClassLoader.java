package dev.pronto.deploy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one web application (Servlet 6.1 §10.7.2): {@code WEB-INF/classes}, then the jars of
 * {@code WEB-INF/lib}, searched before the container's loader, except for the JDK's classes, the Servlet API
 * ({@code jakarta.servlet.*}), the WebSocket API when the container has it ({@code jakarta.websocket.*}: the endpoint
 * annotations must be the container's) and Pronto's own ({@code dev.pronto.*}), which always come from the container so that
 * a WAR can neither replace nor duplicate them. Resources likewise. Closing it closes every jar it opened.
 * Thread-safe (parallel capable).
 */
public final class WebAppClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String SERVICES = "META-INF/services/";
    /** jakarta.el: a JSP engine's EL and the pages' must be one (a WAR's own copy serves when the container has none). */
    private static final String[] CONTAINER_PACKAGES = {
        "java.", "jakarta.servlet.", "jakarta.el.", "jakarta.websocket.", "dev.pronto.",
    };

    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
    private final String name;

    public WebAppClassLoader(String name, URL[] urls, ClassLoader container) {
        super("war:" + name, urls, container);
        this.name = name;
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(className)) {
            Class<?> type = findLoadedClass(className);
            if (type == null) {
                type = containerFirst(className) ? super.loadClass(className, false) : applicationFirst(className);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private Class<?> applicationFirst(String className) throws ClassNotFoundException {
        try {
            return findClass(className);
        } catch (ClassNotFoundException e) {
            return getParent().loadClass(className);
        }
    }

    /** The container's packages, and any class the JDK has (a WAR bundling e.g. old XML APIs must not win). */
    private boolean containerFirst(String className) {
        for (String prefix : CONTAINER_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return platform.getResource(className.replace('.', '/') + ".class") != null;
    }

    @Override
    public URL getResource(String resource) {
        boolean container = resource.endsWith(".class") && containerFirst(resourceClassName(resource));
        URL url = container ? null : findResource(resource);
        url = url != null ? url : getParent().getResource(resource);
        // as loadClass: a class of a container package the container lacks is the application's own
        return url != null || !container ? url : findResource(resource);
    }

    /**
     * The application's resources, then the container's; except that for a {@code META-INF/services} file of a
     * service type the application carries itself, the container's providers are left out: they implement the
     * container's copy of the type, so they could never load as the application's (e.g. the WAR's own SLF4J
     * finding the container's SLF4J binding).
     */
    @Override
    public Enumeration<URL> getResources(String resource) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(resource)));
        String serviceType = resource.startsWith(SERVICES) ? resource.substring(SERVICES.length()) : null;
        if (serviceType == null || containerFirst(serviceType)
                || findResource(serviceType.replace('.', '/') + ".class") == null) {
            all.addAll(Collections.list(getParent().getResources(resource)));
        }
        return Collections.enumeration(all);
    }

    private static String resourceClassName(String resource) {
        return resource.endsWith(".class") ? resource.substring(0, resource.length() - 6).replace('/', '.') : "";
    }

    @Override
    public String toString() {
        return "WebAppClassLoader[" + name + "]";
    }
}
