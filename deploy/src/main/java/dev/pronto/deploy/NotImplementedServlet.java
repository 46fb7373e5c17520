package dev.pronto.deploy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 501 Not Implemented, naming the feature a page needs (JSP, container security), for a WAR deployed with
 * {@code ignoreUnsupported}: such pages get a clear error instead of their source or an unprotected page. As a
 * filter it guards URL patterns (security constraints); as a servlet it stands in for JSP. Thread-safe.
 */
final class NotImplementedServlet extends HttpServlet implements Filter {

    private static final long serialVersionUID = 1L;

    private final String feature;

    NotImplementedServlet(String feature) {
        this.feature = feature;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.resetBuffer();
        http.setStatus(HttpServletResponse.SC_NOT_IMPLEMENTED);
        http.setContentType("text/plain;charset=UTF-8");
        http.getWriter().print("501 Not Implemented: this page needs " + feature
                + ", which Pronto does not support yet.\n");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        service(request, response);
    }
}
