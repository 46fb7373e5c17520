package dev.pronto.websocket;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Puts Jakarta WebSocket into a web application (JSR 356 §6.4, WebSocket 2.2): creates its {@link ServerContainer}
 * under the {@code jakarta.websocket.server.ServerContainer} attribute, maps the upgrade filter, and hands it the
 * scanned {@code @ServerEndpoint}s, {@code Endpoint}s and {@code ServerApplicationConfig}s. Found with
 * {@code ServiceLoader}; the Boot starter adds it first. Runs once per application, on the starting thread.
 */
@HandlesTypes({ServerEndpoint.class, Endpoint.class, ServerApplicationConfig.class})
public final class ProntoWebSocketInitializer implements ServletContainerInitializer {

    public static final String FILTER_NAME = "pronto-websocket";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (context.getAttribute(ServerContainer.class.getName()) != null) {
            return; // added twice (discovered and added by hand): the first one stands
        }
        Set<Class<?>> scanned = classes == null ? new HashSet<>() : new HashSet<>(classes);
        ProntoServerContainer container = new ProntoServerContainer(scanned, context.getContextPath(),
                WebSocketSettings.from(context));
        context.setAttribute(ServerContainer.class.getName(), container);
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, new WebSocketUpgradeFilter(container));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addListener(new Shutdown(container));
        for (Class<?> type : scanned) {
            ServerEndpoint endpoint = type.getAnnotation(ServerEndpoint.class);
            if (endpoint != null) {
                EndpointServletMapping.add(context, endpoint.value());
            }
        }
        container.mapEndpointsIn(context);
    }

    /** Stops the container (its sessions and threads) with the application. */
    private record Shutdown(ProntoServerContainer container) implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            container.stop();
        }
    }
}
