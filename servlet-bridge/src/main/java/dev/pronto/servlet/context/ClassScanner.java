package dev.pronto.servlet.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the classes of named packages (and their sub-packages) on a class loader, in directories and jars, without
 * initialising them. Deliberately explicit: only the packages an application names are scanned. Stateless.
 */
public final class ClassScanner {

    private ClassScanner() {
    }

    public static Set<Class<?>> scan(ClassLoader loader, String... packages) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String pkg : packages) {
            for (String name : classNames(loader, pkg)) {
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class whose dependencies are missing cannot be a servlet component here
                }
            }
        }
        return classes;
    }

    private static Set<String> classNames(ClassLoader loader, String pkg) {
        Set<String> names = new LinkedHashSet<>();
        String dir = pkg.replace('.', '/');
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    fromDirectory(Path.of(root.toURI()), pkg, names);
                } else {
                    fromJar(root, dir, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan package " + pkg, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot scan package " + pkg, e);
        }
        return names;
    }

    private static void fromDirectory(Path root, String pkg, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("-"))
                    .forEach(p -> {
                        String relative = root.relativize(p).toString().replace(java.io.File.separatorChar, '.');
                        names.add(pkg + '.' + relative.substring(0, relative.length() - ".class".length()));
                    });
        }
    }

    private static void fromJar(URL root, String dir, Set<String> names) throws IOException {
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return;
        }
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(dir + '/') && entry.endsWith(".class") && !entry.endsWith("module-info.class")) {
                    names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }
}
