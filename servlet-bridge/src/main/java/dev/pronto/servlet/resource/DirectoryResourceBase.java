package dev.pronto.servlet.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Resources in a directory on disk; symbolic links that lead outside the directory are refused. Immutable. */
final class DirectoryResourceBase implements ResourceBase {

    private final Path root;
    private final Path realRoot;

    DirectoryResourceBase(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = Files.exists(this.root) ? this.root.toRealPath() : this.root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path file(String path) {
        String normalized = ResourcePaths.normalize(path);
        if (normalized == null) {
            return null;
        }
        Path file = root.resolve(normalized.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return null;
        }
        try {
            // A link may point anywhere: only what really lies under the root is served.
            return file.toRealPath().startsWith(realRoot) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public URL resource(String path) {
        Path file = file(path);
        if (file == null) {
            return null;
        }
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    public Set<String> children(String path) {
        Path dir = file(path);
        Set<String> children = new TreeSet<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return children;
        }
        String prefix = path.endsWith("/") ? path : path + '/';
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> children.add(prefix + p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
        } catch (IOException e) {
            return children;
        }
        return children;
    }

    @Override
    public String toString() {
        return "directory " + root;
    }
}
