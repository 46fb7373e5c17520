package dev.pronto.websocket;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.core.TyrusUpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * One opening handshake (RFC 6455 §4.2): the servlet request becomes Tyrus's request, Tyrus decides (endpoint,
 * subprotocol, extensions, configurator's {@code modifyHandshake}), and a success becomes a servlet upgrade whose
 * 101 carries Tyrus's headers. Request thread.
 */
final class WebSocketHandshake {

    private WebSocketHandshake() {
    }

    /** True when the request is an opening handshake: GET with {@code Upgrade: websocket} (RFC 6455 §4.2.1). */
    static boolean isWebSocketUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && "websocket".equalsIgnoreCase(upgrade.trim()) && "GET".equals(request.getMethod());
    }

    /**
     * Runs the handshake against {@code engine}; answers the request unless the engine has no endpoint for it.
     *
     * @return false when no endpoint matches (the request continues down the filter chain)
     */
    static boolean upgrade(WebSocketEngine engine, HttpServletRequest request, HttpServletResponse response,
                           Executor workers, WebSocketSettings settings) throws IOException, ServletException {
        return upgrade(engine, requestContext(request, request.getRequestURI()), request, response, workers, settings);
    }

    /**
     * Runs the handshake of an {@code upgradeHttpToWebSocket} call: Tyrus matches {@code path} (the endpoint's
     * template filled with {@code pathParameters}) instead of the request's own. Tyrus fills a session's path
     * parameters from the request's parameter map, where it also puts a matched template's values; a parameter the
     * template does not name is put there too.
     *
     * @return false when {@code engine}'s endpoint does not match {@code path}
     */
    static boolean upgrade(WebSocketEngine engine, HttpServletRequest request, HttpServletResponse response,
                           Executor workers, WebSocketSettings settings, String path,
                           Map<String, String> pathParameters) throws IOException, ServletException {
        RequestContext tyrusRequest = requestContext(request, path);
        pathParameters.forEach((name, value) -> tyrusRequest.getParameterMap().put(name, List.of(value)));
        return upgrade(engine, tyrusRequest, request, response, workers, settings);
    }

    private static boolean upgrade(WebSocketEngine engine, RequestContext tyrusRequest, HttpServletRequest request,
                                   HttpServletResponse response, Executor workers, WebSocketSettings settings)
            throws IOException, ServletException {
        TyrusUpgradeResponse tyrusResponse = new TyrusUpgradeResponse();
        WebSocketEngine.UpgradeInfo info = engine.upgrade(tyrusRequest, tyrusResponse);
        switch (info.getStatus()) {
            case NOT_APPLICABLE -> {
                return false;
            }
            case HANDSHAKE_FAILED -> {
                copyHeaders(tyrusResponse, response);
                response.sendError(tyrusResponse.getStatus() >= 400 ? tyrusResponse.getStatus() : 400);
                return true;
            }
            default -> {
                WebSocketUpgradeHandler handler = request.upgrade(WebSocketUpgradeHandler.class);
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                handler.attach(new TyrusChannelConnection(info, new dev.pronto.servlet.upgrade.SerialExecutor(workers),
                        settings.sendTimeoutMillis(), settings.maxMessageSize(), loader));
                response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
                copyHeaders(tyrusResponse, response);
                return true;
            }
        }
    }

    private static void copyHeaders(TyrusUpgradeResponse from, HttpServletResponse to) {
        for (Map.Entry<String, List<String>> e : from.getHeaders().entrySet()) {
            for (String value : e.getValue()) {
                to.addHeader(e.getKey(), value);
            }
        }
    }

    /** Tyrus's view of the request; {@code uri} is the raw path (with the context path) Tyrus matches. */
    private static RequestContext requestContext(HttpServletRequest request, String uri) {
        String query = request.getQueryString();
        // Tyrus matches endpoint templates against the URI's whole text, so it gets the raw path alone (a query would
        // end up in the last path parameter); the session adds the query to its request URI itself.
        RequestContext context = RequestContext.Builder.create()
                .requestURI(URI.create(uri))
                .queryString(query)
                .httpSession(request.getSession(false))
                .secure(request.isSecure())
                .userPrincipal(request.getUserPrincipal())
                .isUserInRoleDelegate(request::isUserInRole)
                .parameterMap(query == null ? Map.of() : request.getParameterMap())
                .remoteAddr(request.getRemoteAddr())
                .serverAddr(request.getLocalName())
                .serverPort(request.getLocalPort())
                .build();
        Map<String, List<String>> headers = context.getHeaders();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return context;
    }
}
