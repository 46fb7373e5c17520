package dev.pronto.websocket;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Filters only run for requests mapped to a servlet (Servlet 6.1 §6.2.4), so each endpoint path gets a mapping to a
 * servlet that answers a plain (non-WebSocket) request with 426; the application's own mappings win on conflict. A
 * template path maps its literal prefix ({@code /rooms/{id}} → {@code /rooms/*}); one that starts with a variable
 * maps {@code /}. Called while the application starts (initializers, listeners).
 */
final class EndpointServletMapping {

    static final String SERVLET_NAME = "pronto-websocket-endpoints";

    private EndpointServletMapping() {
    }

    static void add(ServletContext context, String endpointPath) {
        ServletRegistration registration = context.getServletRegistration(SERVLET_NAME);
        if (registration == null) {
            registration = context.addServlet(SERVLET_NAME, new NotAHandshake());
        }
        registration.addMapping(urlPattern(endpointPath));
    }

    static String urlPattern(String endpointPath) {
        int brace = endpointPath.indexOf('{');
        if (brace < 0) {
            return endpointPath;
        }
        int slash = endpointPath.lastIndexOf('/', brace);
        return slash <= 0 ? "/" : endpointPath.substring(0, slash) + "/*";
    }

    /** RFC 9110 §15.5.22: this resource speaks WebSocket only. */
    static final class NotAHandshake extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("Upgrade", "websocket");
            response.setHeader("Connection", "Upgrade");
            response.sendError(426);
        }
    }
}
