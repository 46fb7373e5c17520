package dev.pronto.servlet.resource;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where an application's resources live (a directory, a classpath prefix, or several in order), as seen by
 * {@code ServletContext.getResource*} and the default servlet. Paths are context-relative and start with '/'.
 * Implementations are immutable and thread-safe, and never resolve a path outside their root.
 */
public interface ResourceBase {

    /** The resource at {@code path}, or {@code null} if there is none (or the path escapes the root). */
    URL resource(String path);

    /**
     * The direct children of directory {@code path} as context-relative paths, directories ending with '/'
     * ({@code ServletContext.getResourcePaths}); empty if there are none.
     */
    Set<String> children(String path);

    /** The file for {@code path} if this base is a directory on disk, else {@code null}. */
    Path file(String path);

    /** No resources at all. */
    ResourceBase NONE = of(List.of());

    static ResourceBase directory(Path root) {
        return new DirectoryResourceBase(root);
    }

    static ResourceBase classpath(ClassLoader loader, String prefix) {
        return new ClasspathResourceBase(loader, prefix);
    }

    /** Looks in each base in turn; the first that has a resource wins. */
    static ResourceBase of(List<ResourceBase> bases) {
        return new CompositeResourceBase(bases);
    }
}
