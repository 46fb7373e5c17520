package dev.pronto.jsp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Answers 404 to a client's own request for a page under {@code WEB-INF/} or {@code META-INF/} (Servlet 6.1 §10.5,
 * §10.6): the JSP servlet's {@code *.jsp} mapping would otherwise run them, while forwards and includes to
 * {@code /WEB-INF/views/…} (Spring MVC's usual place for views) still reach them. Mapped to REQUEST dispatches
 * of the {@code jsp} servlet only. Stateless.
 */
final class PrivatePathFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String upper = path.toUpperCase(Locale.ROOT);
        if (upper.startsWith("/WEB-INF/") || upper.startsWith("/META-INF/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
