package dev.pronto.servlet.request;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.security.RequestSecurity;
import dev.pronto.servlet.security.WebSecurity;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * The request of an application that configured security: the Servlet 6.1 §13.3 methods are delegated to a
 * {@link RequestSecurity} made on first use. A subclass, so that requests of applications without security carry
 * not even the field. Used by the thread running the request.
 */
public final class SecuredHttpServletRequest extends HttpServletRequestImpl {

    private final WebSecurity web;
    private RequestSecurity security;

    public SecuredHttpServletRequest(HttpExchange exchange, WebApplication app, String requestURI, String queryString,
                                     WebSecurity web) {
        super(exchange, app, requestURI, queryString);
        this.web = web;
    }

    @Override
    public RequestSecurity security() {
        if (security == null) {
            security = web.newRequestState(this);
        }
        return security;
    }

    @Override
    public String getAuthType() {
        return security().authType();
    }

    @Override
    public String getRemoteUser() {
        return security().remoteUser();
    }

    @Override
    public Principal getUserPrincipal() {
        return security().principal();
    }

    /** §13.3: the {@code security-role-ref}s of the servlet now handling the request apply. */
    @Override
    public boolean isUserInRole(String role) {
        HttpServletMapping mapping = getHttpServletMapping();
        return security().isUserInRole(role, mapping == null ? null : mapping.getServletName());
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        return security().authenticate(response);
    }

    @Override
    public void login(String username, String password) throws ServletException {
        security().login(username, password);
    }

    @Override
    public void logout() {
        security().logout();
    }
}
