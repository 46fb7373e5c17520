package dev.pronto.websocket;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import java.io.IOException;

/**
 * Mapped to {@code /*} ahead of the application's filters: an opening handshake to a deployed endpoint's path becomes
 * a WebSocket; every other request passes through untouched (one header lookup). Deploys the endpoints when the
 * application's filters start. Request threads.
 */
final class WebSocketUpgradeFilter implements Filter {

    private final ProntoServerContainer container;

    WebSocketUpgradeFilter(ProntoServerContainer container) {
        this.container = container;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        try {
            container.deploy(); // after the context listeners: endpoints they added are included (JSR 356 §6.4)
        } catch (DeploymentException e) {
            throw new ServletException("WebSocket endpoints could not be deployed", e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && WebSocketHandshake.isWebSocketUpgrade(request) && container.upgrade(request, response)) {
            return;
        }
        chain.doFilter(req, res);
    }
}
