package dev.pronto.servlet.resource;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Several resource bases searched in order: the first that has a resource wins. Immutable. */
final class CompositeResourceBase implements ResourceBase {

    private final List<ResourceBase> bases;

    CompositeResourceBase(List<ResourceBase> bases) {
        this.bases = List.copyOf(bases);
    }

    @Override
    public URL resource(String path) {
        for (ResourceBase base : bases) {
            URL url = base.resource(path);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    public Set<String> children(String path) {
        Set<String> all = new TreeSet<>();
        for (ResourceBase base : bases) {
            all.addAll(base.children(path));
        }
        return all;
    }

    @Override
    public Path file(String path) {
        for (ResourceBase base : bases) {
            Path file = base.file(path);
            if (file != null) {
                return file;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return bases.toString();
    }
}
