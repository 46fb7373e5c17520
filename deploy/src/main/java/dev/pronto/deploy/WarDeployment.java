package dev.pronto.deploy;

import dev.pronto.servlet.WebAppBuilder;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Deploys a WAR file or exploded WAR directory as a web application:
 * {@code Pronto.server().webapp(WarDeployment.of(Path.of("shop.war"))).start()}. The WAR is unpacked, read and
 * scanned when the server's builder applies the returned configuration (on the caller's thread); the application's
 * class loader is closed when the server is destroyed. Immutable; thread-safe.
 */
public final class WarDeployment {

    private WarDeployment() {
    }

    /**
     * The application in {@code warFileOrDirectory}, at the context path its descriptor's
     * {@code default-context-path} gives, else its file name ({@code ROOT} → {@code /}, {@code shop.war} →
     * {@code /shop}).
     */
    public static Consumer<WebAppBuilder> of(Path warFileOrDirectory) {
        return builder(warFileOrDirectory).build();
    }

    /** The application in {@code warFileOrDirectory} at {@code contextPath} ({@code "/"} is the root). */
    public static Consumer<WebAppBuilder> of(Path warFileOrDirectory, String contextPath) {
        return builder(warFileOrDirectory).contextPath(Objects.requireNonNull(contextPath, "contextPath")).build();
    }

    /** A deployment with more settings: context path, work directory, {@code ignoreUnsupported}. */
    public static Builder builder(Path warFileOrDirectory) {
        return new Builder(warFileOrDirectory);
    }

    /** Settings of one deployment, with defaults. Not thread-safe; {@link #build()} makes an immutable copy. */
    public static final class Builder {
        private final Path war;
        private String contextPath;
        private Path workDirectory;
        private boolean ignoreUnsupported;
        private ClassLoader containerClassLoader = WarDeployment.class.getClassLoader();

        private Builder(Path war) {
            this.war = Objects.requireNonNull(war, "war");
        }

        /** The context path; by default the descriptor's {@code default-context-path}, else the file name. */
        public Builder contextPath(String contextPath) {
            this.contextPath = contextPath;
            return this;
        }

        /**
         * Where packed WARs are unpacked (one directory per content hash, reused) and library jars' static
         * resources are copied; default the server's work directory ({@code ProntoServer.Builder.workDirectory}:
         * unless configured, a directory of the server's own under {@code java.io.tmpdir}, deleted when the server
         * is destroyed).
         */
        public Builder workDirectory(Path directory) {
            this.workDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Deploys a WAR that needs features Pronto lacks (JSP, container security, JNDI) instead of refusing it
         * (the default): its JSP pages and the URL patterns under security constraints answer 501 Not Implemented,
         * naming the feature, and JNDI declarations are ignored. For demos and trials, not production.
         */
        public Builder ignoreUnsupported(boolean ignore) {
            this.ignoreUnsupported = ignore;
            return this;
        }

        /**
         * The parent of the application's class loader: what the container shares with the application (default:
         * the loader of Pronto itself). It must see the Servlet API and Pronto; the application's own classes
         * still come first, except the JDK's, {@code jakarta.servlet.*} and {@code dev.pronto.*}.
         */
        public Builder containerClassLoader(ClassLoader loader) {
            this.containerClassLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        public Consumer<WebAppBuilder> build() {
            return new WarAssembler(war, contextPath, workDirectory, ignoreUnsupported, containerClassLoader)::deploy;
        }
    }
}
