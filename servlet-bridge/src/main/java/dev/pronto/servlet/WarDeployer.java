package dev.pronto.servlet;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The service that turns a WAR file or exploded WAR directory into a web application for
 * {@link ProntoServer.Builder#war}. The servlet bridge only defines it; the {@code pronto-deploy} module implements
 * it (found with {@link ServiceLoader}), so that XML parsing and bytecode scanning stay out of the bridge.
 * Implementations are stateless and thread-safe.
 */
public interface WarDeployer {

    /**
     * The configuration of the application in {@code war}, applied to a {@link WebAppBuilder} when the server's
     * builder adds it.
     *
     * @param contextPath the context path ({@code "/"} or {@code ""} for the root), or {@code null} to take the
     *                    descriptor's {@code default-context-path}, else the file name ({@code ROOT} is the root,
     *                    {@code shop.war} is {@code /shop})
     */
    Consumer<WebAppBuilder> deployment(Path war, String contextPath);

    /** The deployer on the class path of the bridge or of the calling thread. */
    static WarDeployer find() {
        for (ClassLoader loader : new ClassLoader[] {WarDeployer.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            for (WarDeployer deployer : ServiceLoader.load(WarDeployer.class, loader)) {
                return deployer;
            }
        }
        throw new IllegalStateException("Deploying a WAR needs the WAR deployer: add the module pronto-deploy "
                + "(dev.pronto:pronto-deploy) to the class path");
    }
}
