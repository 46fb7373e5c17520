package dev.pronto.deploy;

import dev.pronto.deploy.descriptor.DescriptorMerger;
import dev.pronto.deploy.descriptor.FragmentOrdering;
import dev.pronto.deploy.descriptor.WebFragment;
import dev.pronto.deploy.descriptor.WebXml;
import dev.pronto.deploy.descriptor.WebXmlParser;
import dev.pronto.deploy.scan.ClassHeader;
import dev.pronto.deploy.scan.ClassIndex;
import dev.pronto.deploy.scan.ClassScanner;
import dev.pronto.deploy.scan.ClassSource;
import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.servlet.jsp.JspEngine;
import dev.pronto.servlet.jsp.JspSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles one web application from a WAR, in the order Servlet 6.1 §8 prescribes: unpack, read web.xml and the
 * library jars' fragments, order and merge them, make the class loader, scan the admitted classes, refuse what
 * needs missing features, then configure the {@link WebAppBuilder}. One per deployment; runs on the thread that
 * adds the application to the server.
 */
final class WarAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(WarAssembler.class);
    private static final String WEB_SERVLET = "jakarta.servlet.annotation.WebServlet";
    private static final String WEB_FILTER = "jakarta.servlet.annotation.WebFilter";
    private static final String WEB_LISTENER = "jakarta.servlet.annotation.WebListener";

    static {
        // Jar URLs handed to the application (getResource) must not keep their jar open in the JDK's cache once
        // the class loader is closed; Tomcat turns the cache off for the same reason.
        URLConnection.setDefaultUseCaches("jar", false);
    }

    private final Path war;
    private final String contextPath;
    private final Path workRoot;
    private final boolean ignoreUnsupported;
    private final ClassLoader container;

    /** {@code workRoot} null: the server's work directory ({@link WebAppBuilder#workDirectory()}). */
    WarAssembler(Path war, String contextPath, Path workRoot, boolean ignoreUnsupported, ClassLoader container) {
        this.container = container;
        this.war = war.toAbsolutePath().normalize();
        this.contextPath = contextPath;
        this.workRoot = workRoot;
        this.ignoreUnsupported = ignoreUnsupported;
    }

    void deploy(WebAppBuilder builder) {
        if (!Files.exists(war)) {
            throw new DeploymentException("No WAR file or directory at " + war);
        }
        WebAppClassLoader loader = null;
        try {
            long t0 = System.nanoTime();
            // none configured: the server's own, made on first use (not for an exploded WAR without jar
            // resources) and deleted when the server is destroyed
            Supplier<Path> work = workRoot != null ? () -> workRoot : builder::workDirectory;
            Path root = Files.isDirectory(war) ? war : WarExtractor.explode(war, work.get());
            long t1 = System.nanoTime();
            WebXml main = readWebXml(root);
            List<Path> jars = libraryJars(root);
            List<WebFragment> ordered = FragmentOrdering.order(main, fragments(jars));
            WebXml merged = DescriptorMerger.merge(main, main.metadataComplete ? List.of() : ordered);
            loader = classLoader(root, jars);
            long t2 = System.nanoTime();
            ClassIndex index = ClassScanner.scan(sources(root, main, ordered));
            long t3 = System.nanoTime();
            LOG.debug("{}: unpacked in {} ms, descriptors of {} jars read in {} ms, {} classes scanned in {} ms",
                    war.getFileName(), (t1 - t0) / 1_000_000, jars.size(), (t2 - t1) / 1_000_000, index.size(),
                    (t3 - t2) / 1_000_000);
            checkJakarta(index, merged);
            boolean jsp = JspEngine.find(JspSettings.defaults(), loader) != null;
            List<String> unsupported = unsupported(root, merged, jsp);
            if (!unsupported.isEmpty() && !ignoreUnsupported) {
                throw new DeploymentException(ContextPaths.baseName(war) + " needs features Pronto does not "
                        + "support yet: " + String.join("; ", unsupported) + ". Deploy it with "
                        + "WarDeployment.builder(path).ignoreUnsupported(true) to serve the rest (those pages "
                        + "answer 501).");
            }
            configure(builder, work, root, jars, ordered, merged, index, loader, jsp);
            if (!unsupported.isEmpty()) {
                LOG.warn("{}: deployed without {}", ContextPaths.baseName(war), unsupported);
            }
        } catch (IOException e) {
            close(loader);
            throw new DeploymentException("Cannot deploy " + war + ": " + e, e);
        } catch (RuntimeException | Error e) {
            close(loader);
            throw e;
        }
    }

    private void configure(WebAppBuilder builder, Supplier<Path> work, Path root, List<Path> jars, List<WebFragment> ordered,
                           WebXml merged, ClassIndex index, WebAppClassLoader loader, boolean jsp)
            throws IOException {
        WebAppClassLoader appLoader = loader;
        builder.configure(app -> app.closeOnDestroy(appLoader));
        builder.contextPath(contextPath != null ? ContextPaths.normalize(contextPath)
                : merged.defaultContextPath != null ? ContextPaths.normalize(merged.defaultContextPath)
                : ContextPaths.fromFileName(war));
        builder.classLoader(loader);
        builder.discoverInitializers(false);
        builder.resources(root);
        Path jarResources = JarResources.extract(orderedJars(jars, ordered), work, ContextPaths.baseName(war)
                + "-lib");
        if (jarResources != null) {
            builder.resources(jarResources);
        }
        Map<String, Class<?>> annotatedServlets = new HashMap<>();
        Set<Class<?>> annotated = annotatedClasses(index, loader, annotatedServlets);
        // a listener both declared and annotated is one listener (§8.2.3): the declaration registers it
        annotated.removeIf(type -> merged.listeners.contains(type.getName()) && type.getAnnotation(WebServlet.class)
                == null && type.getAnnotation(jakarta.servlet.annotation.WebFilter.class) == null);
        new DescriptorApplier(merged, loader, annotatedServlets, ignoreUnsupported, jsp).apply(builder);
        if (jsp && !root.equals(war)) { // a packed WAR: compile next to its content-hashed directory, once per content
            builder.jsp(JspSettings.defaults().scratchDir(root.resolveSibling(root.getFileName() + "-jsp")));
        }
        builder.annotated(annotated.toArray(new Class<?>[0]));
        Map<ServletContainerInitializer, Set<Class<?>>> initializers = InitializerDiscovery.discover(
                orderedJars(jars, ordered), root.resolve("WEB-INF/classes"), loader, index);
        initializers.forEach((initializer, classes) -> builder.configure(app -> app.addInitializer(
                ignoreUnsupported && !jsp ? JspTolerantInitializer.wrap(initializer) : initializer, classes)));
        if (ignoreUnsupported && !jsp) {
            guardUnsupported(builder, merged, index, root);
        }
    }

    private WebXml readWebXml(Path root) throws IOException {
        Path webXml = root.resolve("WEB-INF/web.xml");
        if (!Files.isRegularFile(webXml)) {
            return WebXml.empty();
        }
        try (InputStream in = Files.newInputStream(webXml)) {
            return WebXmlParser.parse(in, webXml.toString(), false);
        }
    }

    private static List<Path> libraryJars(Path root) throws IOException {
        Path lib = root.resolve("WEB-INF/lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    private static List<WebFragment> fragments(List<Path> jars) throws IOException {
        List<WebFragment> fragments = new ArrayList<>();
        for (Path jar : jars) {
            WebXml descriptor = null;
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                JarEntry entry = file.getJarEntry("META-INF/web-fragment.xml");
                if (entry != null) {
                    try (InputStream in = file.getInputStream(entry)) {
                        descriptor = WebXmlParser.parse(in, "WEB-INF/lib/" + jar.getFileName()
                                + "!/META-INF/web-fragment.xml", true);
                    }
                }
            }
            fragments.add(new WebFragment(jar.getFileName().toString(), descriptor));
        }
        return fragments;
    }

    private static List<Path> orderedJars(List<Path> jars, List<WebFragment> ordered) {
        Map<String, Path> byName = new HashMap<>();
        jars.forEach(jar -> byName.put(jar.getFileName().toString(), jar));
        return ordered.stream().map(f -> byName.get(f.jarName())).toList();
    }

    private WebAppClassLoader classLoader(Path root, List<Path> jars) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        Path classes = root.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            urls.add(classes.toUri().toURL());
        }
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        return new WebAppClassLoader(ContextPaths.baseName(war), urls.toArray(new URL[0]), container);
    }

    /** WEB-INF/classes and the admitted jars; annotations count unless a metadata-complete descriptor says not. */
    private static List<ClassSource> sources(Path root, WebXml main, List<WebFragment> ordered) {
        List<ClassSource> sources = new ArrayList<>();
        Path classes = root.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            sources.add(new ClassSource("WEB-INF/classes", classes, !main.metadataComplete));
        }
        for (WebFragment fragment : ordered) {
            boolean complete = main.metadataComplete
                    || fragment.descriptor() != null && fragment.descriptor().metadataComplete;
            sources.add(new ClassSource("WEB-INF/lib/" + fragment.jarName(),
                    root.resolve("WEB-INF/lib").resolve(fragment.jarName()), !complete));
        }
        return sources;
    }

    private void checkJakarta(ClassIndex index, WebXml merged) {
        Set<String> declared = new java.util.HashSet<>(merged.listeners);
        merged.servlets.values().forEach(s -> declared.add(s.className()));
        merged.filters.values().forEach(f -> declared.add(f.className()));
        List<String> javax = index.javaxServletClasses(header -> header.origin().equals("WEB-INF/classes")
                || declared.contains(header.name()));
        if (!javax.isEmpty()) {
            throw new DeploymentException(ContextPaths.baseName(war) + " is a javax.servlet (Java EE) application ("
                    + javax.size() + " classes, e.g. " + javax.get(0) + "); Pronto runs Jakarta Servlet 6.1 "
                    + "applications: migrate it to the jakarta.servlet namespace first (e.g. with the Eclipse "
                    + "Transformer)");
        }
    }

    /** What the WAR needs that Pronto lacks: descriptor elements, JSP files (unless a JSP engine is present). */
    private static List<String> unsupported(Path root, WebXml merged, boolean jsp) throws IOException {
        List<String> needs = new ArrayList<>();
        merged.unsupported.stream().filter(u -> !jsp || !u.feature().startsWith("JSP"))
                .forEach(u -> needs.add(u.toString()));
        if (jsp) {
            return needs;
        }
        List<String> jsps = jspFiles(root);
        if (!jsps.isEmpty()) {
            needs.add("JSP (" + jsps.size() + " files, e.g. " + jsps.get(0) + ")");
        }
        return needs;
    }

    private static List<String> jspFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".jsp") || name.endsWith(".jspx");
            }).map(p -> "/" + root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** Loads the classes bearing {@code @WebServlet}, {@code @WebFilter} or {@code @WebListener} (not initialised). */
    private static Set<Class<?>> annotatedClasses(ClassIndex index, ClassLoader loader,
                                                  Map<String, Class<?>> servletsByName) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String annotation : List.of(WEB_SERVLET, WEB_FILTER, WEB_LISTENER)) {
            for (ClassHeader header : index.annotatedWith(annotation)) {
                try {
                    Class<?> type = Class.forName(header.name(), false, loader);
                    classes.add(type);
                    WebServlet servlet = type.getAnnotation(WebServlet.class);
                    if (servlet != null) {
                        servletsByName.put(servlet.name().isEmpty() ? type.getName() : servlet.name(), type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    LOG.warn("Skipping annotated class {} of {}: it cannot be loaded ({})", header.name(),
                            header.origin(), e.toString());
                }
            }
        }
        return classes;
    }

    /** With {@code ignoreUnsupported}: JSP URLs answer 501 rather than leak their source. */
    private static void guardUnsupported(WebAppBuilder builder, WebXml merged, ClassIndex index, Path root)
            throws IOException {
        if (!jspFiles(root).isEmpty() || merged.unsupported.stream().anyMatch(u -> u.feature().startsWith("JSP"))) {
            builder.configure(app -> {
                if (app.context().getServletRegistration("jsp") == null) {
                    app.context().addServlet("jsp", new NotImplementedServlet("JSP")).addMapping("*.jsp", "*.jspx");
                }
            });
        }
    }

    private static void close(WebAppClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed", loader, e);
            }
        }
    }
}
