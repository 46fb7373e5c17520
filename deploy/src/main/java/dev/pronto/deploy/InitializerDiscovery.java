package dev.pronto.deploy;

import dev.pronto.deploy.scan.ClassHeader;
import dev.pronto.deploy.scan.ClassIndex;
import dev.pronto.servlet.context.ClassLoaderSwap;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a WAR's {@code ServletContainerInitializer}s (Servlet 6.1 §8.2.4) in {@code META-INF/services} of the jars
 * the ordering admits, in that order, then of {@code WEB-INF/classes}; and gives each the classes its
 * {@code @HandlesTypes} selects, found in the {@link ClassIndex} — only those classes are loaded (not
 * initialised); one that cannot be loaded is left out, as Tomcat does. For the deploying thread.
 */
final class InitializerDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(InitializerDiscovery.class);
    private static final String SERVICE = "META-INF/services/" + ServletContainerInitializer.class.getName();

    private InitializerDiscovery() {
    }

    /** Each initializer, instantiated in the application's class loader, with its handled classes (never null). */
    static Map<ServletContainerInitializer, Set<Class<?>>> discover(List<Path> orderedJars, Path classesDir,
                                                                   ClassLoader loader, ClassIndex index)
            throws IOException {
        Set<String> names = new LinkedHashSet<>(containerModules(loader));
        for (Path jar : orderedJars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                JarEntry entry = file.getJarEntry(SERVICE);
                if (entry != null) {
                    try (InputStream in = file.getInputStream(entry)) {
                        names.addAll(serviceNames(in));
                    }
                }
            }
        }
        Path classesService = classesDir.resolve(SERVICE);
        if (Files.isRegularFile(classesService)) {
            try (InputStream in = Files.newInputStream(classesService)) {
                names.addAll(serviceNames(in));
            }
        }
        Map<ServletContainerInitializer, Set<Class<?>>> initializers = new LinkedHashMap<>();
        for (String name : names) {
            ServletContainerInitializer initializer = instantiate(name, loader);
            initializers.put(initializer, handledTypes(initializer, loader, index));
        }
        return initializers;
    }

    /**
     * Pronto's own optional modules on the container's class path (e.g. {@code pronto-websocket}) bring initializers
     * every application gets, as a container's own ones (Tomcat's {@code WsSci}); they run first, before the WAR's.
     */
    private static List<String> containerModules(ClassLoader loader) throws IOException {
        List<String> names = new ArrayList<>();
        ClassLoader container = loader.getParent();
        if (container == null) {
            return names;
        }
        for (java.net.URL url : java.util.Collections.list(container.getResources(SERVICE))) {
            try (InputStream in = url.openStream()) {
                for (String name : serviceNames(in)) {
                    if (name.startsWith("dev.pronto.")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    /** A services file: one class name a line, {@code #} starts a comment (java.util.ServiceLoader's format). */
    private static List<String> serviceNames(InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static ServletContainerInitializer instantiate(String name, ClassLoader loader) {
        ClassLoader previous = ClassLoaderSwap.enter(loader);
        try {
            return Class.forName(name, true, loader).asSubclass(ServletContainerInitializer.class)
                    .getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new DeploymentException("The container initializer " + name + " failed to construct: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new DeploymentException("Cannot create the container initializer " + name
                    + " named in " + SERVICE + ": " + e, e);
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Class<?>> handledTypes(ServletContainerInitializer initializer, ClassLoader loader,
                                              ClassIndex index) {
        Class<?>[] wanted;
        try {
            HandlesTypes handles = initializer.getClass().getAnnotation(HandlesTypes.class);
            if (handles == null) {
                return Set.of();
            }
            wanted = handles.value();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The @HandlesTypes of {} names a class that cannot be loaded; it gets no classes: {}",
                    initializer.getClass().getName(), e.toString());
            return Set.of();
        }
        Set<Class<?>> selected = new LinkedHashSet<>();
        for (Class<?> type : wanted) {
            List<ClassHeader> matches = type.isAnnotation() ? index.annotatedAnywhereWith(type.getName())
                    : index.subtypesOf(type.getName(), name -> isExternalSubtype(name, type, loader));
            for (ClassHeader match : matches) {
                Class<?> loaded = load(match.name(), loader);
                if (loaded != null) {
                    selected.add(loaded);
                }
            }
        }
        return selected;
    }

    /** A supertype outside the WAR (the JDK's or the container's): asked of the class loader itself. */
    private static boolean isExternalSubtype(String name, Class<?> type, ClassLoader loader) {
        Class<?> external = load(name, loader);
        return external != null && type.isAssignableFrom(external);
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("Leaving out {}: it cannot be loaded ({})", name, e.toString());
            return null;
        }
    }
}
