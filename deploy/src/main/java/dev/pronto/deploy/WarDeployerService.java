package dev.pronto.deploy;

import dev.pronto.servlet.WebAppBuilder;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The {@link dev.pronto.servlet.WarDeployer} service behind {@code Pronto.server().war(path)}, registered in
 * {@code META-INF/services}. Stateless; thread-safe.
 */
public final class WarDeployerService implements dev.pronto.servlet.WarDeployer {

    @Override
    public Consumer<WebAppBuilder> deployment(Path war, String contextPath) {
        return contextPath == null ? WarDeployment.of(war) : WarDeployment.of(war, contextPath);
    }
}
