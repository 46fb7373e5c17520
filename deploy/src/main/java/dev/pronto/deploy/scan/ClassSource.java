package dev.pronto.deploy.scan;

import java.nio.file.Path;

/**
 * A place to scan: {@code WEB-INF/classes} (a directory) or a jar of {@code WEB-INF/lib}; {@code annotations} is
 * false where a metadata-complete descriptor says its annotations must be ignored. Immutable.
 */
public record ClassSource(String name, Path path, boolean annotations) {
}
