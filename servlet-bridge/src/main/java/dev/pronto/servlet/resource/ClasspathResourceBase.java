package dev.pronto.servlet.resource;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Resources under a prefix of a class loader (e.g. {@code META-INF/resources}), in jars or directories. */
final class ClasspathResourceBase implements ResourceBase {

    private final ClassLoader loader;
    private final String prefix;

    ClasspathResourceBase(ClassLoader loader, String prefix) {
        this.loader = loader;
        String p = prefix.startsWith("/") ? prefix.substring(1) : prefix;
        this.prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private String name(String normalized) {
        return prefix.isEmpty() ? normalized.substring(1) : prefix + normalized;
    }

    @Override
    public URL resource(String path) {
        String normalized = ResourcePaths.normalize(path);
        if (normalized == null) {
            return null;
        }
        String name = name(normalized);
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.isEmpty() ? null : loader.getResource(name);
    }

    @Override
    public Path file(String path) {
        URL url = resource(path);
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public Set<String> children(String path) {
        Set<String> children = new TreeSet<>();
        String normalized = ResourcePaths.normalize(path.endsWith("/") ? path : path + "/");
        if (normalized == null) {
            return children;
        }
        String dirName = name(normalized);
        try {
            Enumeration<URL> dirs = loader.getResources(dirName.isEmpty() ? "" : dirName);
            while (dirs.hasMoreElements()) {
                collect(dirs.nextElement(), normalized, dirName, children);
            }
        } catch (IOException e) {
            return children;
        }
        return children;
    }

    private static void collect(URL dir, String contextDir, String dirName, Set<String> out) throws IOException {
        if ("file".equals(dir.getProtocol())) {
            try (Stream<Path> entries = Files.list(Path.of(dir.toURI()))) {
                entries.forEach(p -> out.add(contextDir + p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
            } catch (URISyntaxException e) {
                return;
            }
            return;
        }
        URLConnection connection = dir.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(dirName) && entry.length() > dirName.length()) {
                        String rest = entry.substring(dirName.length());
                        int slash = rest.indexOf('/');
                        out.add(contextDir + (slash < 0 ? rest : rest.substring(0, slash + 1)));
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "classpath:" + prefix;
    }
}
