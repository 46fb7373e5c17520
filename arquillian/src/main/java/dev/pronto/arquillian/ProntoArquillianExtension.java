package dev.pronto.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link ProntoDeployableContainer} with Arquillian (found through {@code META-INF/services}).
 * Called once by Arquillian's loader thread.
 */
public final class ProntoArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, ProntoDeployableContainer.class);
    }
}
