package dev.pronto.servlet.context;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A server's work directory, where WAR deployments unpack and compile: the one the user configured (kept), or
 * else a new {@code pronto-work-*} directory under {@code java.io.tmpdir} made on first use and deleted with its
 * content when the server is destroyed, so that runs do not pile up unpacked WARs. Thread-safe.
 */
public final class WorkDirectory {

    private final Path configured;
    private Path created;

    /** {@code configured} null: a directory of this server's own, made when first asked for. */
    public WorkDirectory(Path configured) {
        this.configured = configured;
    }

    /** The directory, made now if it is this server's own and does not exist yet. */
    public synchronized Path path() {
        if (configured != null) {
            return configured;
        }
        if (created == null) {
            try {
                created = Files.createTempDirectory("pronto-work-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the server's work directory in "
                        + System.getProperty("java.io.tmpdir"), e);
            }
        }
        return created;
    }

    /** The configured directory, or the one made so far; {@code null} when this server's own was never needed. */
    public synchronized Path existing() {
        return configured != null ? configured : created;
    }

    /** Deletes the directory this made (nothing when the user configured it). */
    public synchronized void deleteIfOwned() {
        if (created != null) {
            deleteTree(created);
            created = null;
        }
    }

    /** Deletes {@code dir} and everything in it, as far as possible (an open file may stay on some platforms). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // best effort: what is left is in the temporary directory, named as ours
        }
    }
}
