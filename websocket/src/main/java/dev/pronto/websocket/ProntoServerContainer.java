package dev.pronto.websocket;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The {@code jakarta.websocket.server.ServerContainer} of one web application: Tyrus's container and engine (endpoint
 * registry, handshake, framing, sessions) with Pronto's transport. Endpoints registered before the application
 * finished starting are deployed by {@link #deploy}; later ones at once (Spring's {@code ServerEndpointExporter}).
 * Thread-safe.
 */
public final class ProntoServerContainer extends TyrusServerContainer {

    /**
     * Tyrus logs through java.util.logging and reports a client's oversized or bad message with a stack trace at INFO;
     * those are the client's doing, answered with a close code, so only warnings are kept (a strong reference, because
     * JUL holds loggers weakly).
     */
    private static final java.util.logging.Logger TYRUS_LOG = quietTyrus();

    private static java.util.logging.Logger quietTyrus() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.glassfish.tyrus");
        if (logger.getLevel() == null) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    /** Stateless: Tyrus keeps each session's deflate state in its extension context. */
    static final Extension DEFLATE = new PerMessageDeflateExtension();

    private final String contextPath;
    private final WebSocketSettings settings;
    private final TyrusWebSocketEngine engine;
    private final ExecutorService workers;
    private volatile ServletContext startingContext;

    ProntoServerContainer(Set<Class<?>> classes, String contextPath, WebSocketSettings settings) {
        super(classes);
        this.contextPath = contextPath;
        this.settings = settings;
        this.engine = newEngine();
        this.workers = WebSocketWorkers.create();
        setDefaultMaxTextMessageBufferSize(settings.maxMessageSize());
        setDefaultMaxBinaryMessageBufferSize(settings.maxMessageSize());
        setDefaultMaxSessionIdleTimeout(settings.idleTimeoutMillis());
        setAsyncSendTimeout(settings.sendTimeoutMillis());
    }

    private TyrusWebSocketEngine newEngine() {
        // A frame above the limit is refused by ClientFrameUnmasker (1009) before it reaches Tyrus's buffer, which then
        // holds at most an incomplete frame plus one slice of a read (TyrusChannelConnection.handleInSlices); a
        // message above the limit is refused by the session's buffer limits (1009).
        int frame = TyrusChannelConnection.maxFrameBytes(settings.maxMessageSize());
        return TyrusWebSocketEngine.builder(this).incomingBufferSize(2 * frame).build();
    }

    /**
     * RFC 7692 {@code permessage-deflate} when enabled; Tyrus offers the installed extensions to annotated endpoints,
     * programmatic ones list their own.
     */
    @Override
    public Set<Extension> getInstalledExtensions() {
        return settings.perMessageDeflate() ? Set.of(DEFLATE) : Set.of();
    }

    /** Tyrus's scheduler without the no-op idle-timer task it schedules per message (NoIdleTimeoutScheduler). */
    @Override
    public ScheduledExecutorService getScheduledExecutorService() {
        return new NoIdleTimeoutScheduler(super.getScheduledExecutorService());
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, contextPath);
    }

    /** While the application starts, endpoints added by listeners get a servlet mapping too. */
    void mapEndpointsIn(ServletContext context) {
        this.startingContext = context;
    }

    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        ServerEndpoint endpoint = endpointClass.getAnnotation(ServerEndpoint.class);
        if (endpoint != null) {
            mapPath(endpoint.value());
        }
        super.addEndpoint(endpointClass);
    }

    @Override
    public void addEndpoint(ServerEndpointConfig config) throws DeploymentException {
        mapPath(config.getPath());
        super.addEndpoint(config);
    }

    private void mapPath(String path) {
        ServletContext context = startingContext;
        if (context != null) {
            try {
                EndpointServletMapping.add(context, path);
            } catch (IllegalStateException e) {
                startingContext = null; // the application is running: a servlet at "/" (Spring) must route it
            }
        }
    }

    /**
     * Deploys the scanned endpoints (through any {@code ServerApplicationConfig}, JSR 356 §6.2) and those added so far;
     * called once, when the application's filters start.
     */
    void deploy() throws DeploymentException {
        try {
            start(contextPath, 0);
        } catch (IOException e) {
            throw new DeploymentException("WebSocket deployment failed", e); // start opens no socket here
        }
        doneDeployment();
        startingContext = null;
    }

    /** Runs an opening handshake for a mapped endpoint; false when none matches the request. */
    boolean upgrade(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        return WebSocketHandshake.upgrade(engine, request, response, workers, settings);
    }

    /**
     * WebSocket 2.2 §6.5: upgrades this request to {@code config}'s endpoint whatever its path (Spring's
     * {@code StandardWebSocketUpgradeStrategy}). The endpoint is registered, for this one handshake, in an engine of
     * its own, which matches the endpoint's template filled with {@code pathParameters}, so they reach
     * {@code Session.getPathParameters} and {@code @PathParam}; the session's request URI is that path (as in Tyrus's
     * servlet container), the request's own when the template is the request's path (Spring).
     */
    @Override
    public void upgradeHttpToWebSocket(Object httpServletRequest, Object httpServletResponse,
                                       ServerEndpointConfig config, Map<String, String> pathParameters)
            throws IOException, DeploymentException {
        HttpServletRequest request = (HttpServletRequest) httpServletRequest;
        HttpServletResponse response = (HttpServletResponse) httpServletResponse;
        Map<String, String> parameters = pathParameters == null ? Map.of() : pathParameters;
        String path = request.getContextPath() + EndpointPathTemplate.fill(EndpointPathTemplate.of(config), parameters);
        TyrusWebSocketEngine single = newEngine();
        single.register(new InstalledExtensionsEndpointConfig(config, getInstalledExtensions()),
                request.getContextPath());
        try {
            if (!WebSocketHandshake.upgrade(single, request, response, workers, settings, path, parameters)) {
                throw new DeploymentException("Not a WebSocket handshake: " + request.getRequestURI());
            }
        } catch (ServletException e) {
            throw new DeploymentException("WebSocket upgrade failed", e);
        }
    }

    @Override
    public void stop() {
        super.stop();
        workers.shutdown();
    }
}
