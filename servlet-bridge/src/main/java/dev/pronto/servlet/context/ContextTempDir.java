package dev.pronto.servlet.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The private temporary directory of one application (Servlet 6.1 §4.8.1), published as the
 * {@code jakarta.servlet.context.tempdir} attribute ({@code java.io.File}); made at initialisation unless the
 * deployment gave one, and deleted with its content when the application is destroyed. Confined to the
 * application's life-cycle thread.
 */
final class ContextTempDir {

    private Path created;

    /** Sets the attribute to a new directory unless it is already set (a deployer's work directory). */
    void publish(ServletContextImpl context, String name) {
        if (context.getAttribute(jakarta.servlet.ServletContext.TEMPDIR) != null) {
            return;
        }
        try {
            created = Files.createTempDirectory("pronto-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the context's temporary directory", e);
        }
        context.setAttribute(jakarta.servlet.ServletContext.TEMPDIR, created.toFile());
    }

    /** Deletes the directory this made, with whatever the application left in it. */
    void delete() {
        if (created == null) {
            return;
        }
        WorkDirectory.deleteTree(created);
        created = null;
    }
}
