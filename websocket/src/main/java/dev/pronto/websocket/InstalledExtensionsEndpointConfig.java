package dev.pronto.websocket;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link ServerEndpointConfig} of one {@code upgradeHttpToWebSocket} call with the container's extensions: an
 * extension it names that the container implements (Spring passes plain name-and-parameter copies) is replaced by the
 * implementation, so that a negotiated {@code permessage-deflate} really compresses. Immutable.
 */
final class InstalledExtensionsEndpointConfig implements ServerEndpointConfig {

    private final ServerEndpointConfig delegate;
    private final List<Extension> extensions;

    InstalledExtensionsEndpointConfig(ServerEndpointConfig delegate, Set<Extension> installed) {
        this.delegate = delegate;
        List<Extension> own = new ArrayList<>();
        for (Extension e : delegate.getExtensions()) {
            own.add(installed.stream().filter(i -> i.getName().equals(e.getName())).findFirst().orElse(e));
        }
        this.extensions = List.copyOf(own);
    }

    @Override
    public Class<?> getEndpointClass() {
        return delegate.getEndpointClass();
    }

    @Override
    public String getPath() {
        return delegate.getPath();
    }

    @Override
    public List<String> getSubprotocols() {
        return delegate.getSubprotocols();
    }

    @Override
    public List<Extension> getExtensions() {
        return extensions;
    }

    @Override
    public Configurator getConfigurator() {
        return delegate.getConfigurator();
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return delegate.getEncoders();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return delegate.getDecoders();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return delegate.getUserProperties();
    }
}
