package dev.pronto.servlet.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * One request's security state behind {@code getUserPrincipal}, {@code isUserInRole}, {@code login},
 * {@code logout} and {@code authenticate}: the user is found lazily (a login kept in the session, else the
 * mechanism's credentials) the first time anything asks. Used by the thread running the request.
 */
public final class RequestSecurity {

    private final WebSecurity security;
    private final HttpServletRequest request;
    private Attempt attempt;
    private String authType;

    RequestSecurity(WebSecurity security, HttpServletRequest request) {
        this.security = security;
        this.request = request;
    }

    /** The credentials' outcome, looked at once. */
    Attempt attempt() {
        if (attempt == null) {
            attempt = security.credentials(request);
            authType = attempt.principal() == null ? null : security.authType();
        }
        return attempt;
    }

    public Principal principal() {
        return attempt().principal();
    }

    public String remoteUser() {
        UserPrincipal user = attempt().principal();
        return user == null ? null : user.getName();
    }

    public String authType() {
        attempt();
        return authType;
    }

    /** {@code isUserInRole} as the servlet {@code servletName} (its role references apply) sees it. */
    public boolean isUserInRole(String role, String servletName) {
        return security.isUserInRole(attempt().principal(), role, servletName);
    }

    /**
     * {@code HttpServletRequest.login}: checks the password with the realm (rate limited); the login lasts for the
     * request, and for the session when there is one (its id then changes) or the mechanism is FORM.
     */
    public void login(String username, String password) throws ServletException {
        if (attempt().outcome() == Attempt.Outcome.AUTHENTICATED) {
            throw new ServletException("login: the request is already authenticated as " + remoteUser());
        }
        if (security.login().realm() == null) {
            throw new ServletException("login: no realm is configured");
        }
        if (username == null || password == null) {
            // a login that cannot succeed fails as the API says (ServletException), before any realm is asked
            throw new ServletException("login: a user name and a password are required");
        }
        Attempt result = security.login().check(username, password, request.getRemoteAddr(), "Programmatic");
        if (result.outcome() == Attempt.Outcome.LOCKED) {
            throw new ServletException("login: too many failed logins from this address; retry in "
                    + result.retryAfterSeconds() + " s");
        }
        if (result.outcome() != Attempt.Outcome.AUTHENTICATED) {
            throw new ServletException("login failed for user '" + RealmLogin.printable(username) + "'");
        }
        attempt = result;
        authType = security.authType();
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId(); // no session fixation across a login
        } else if (security.isForm()) {
            session = request.getSession(true);
        }
        if (session != null) {
            session.setAttribute(FormAuthenticator.PRINCIPAL, result.principal());
        }
    }

    /** {@code HttpServletRequest.logout}: no user for the rest of the request, nor in the session. */
    public void logout() {
        attempt = Attempt.NONE;
        authType = null;
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.removeAttribute(FormAuthenticator.PRINCIPAL);
            } catch (IllegalStateException invalidated) {
                // nothing kept in an invalidated session
            }
        }
    }

    /**
     * {@code HttpServletRequest.authenticate}: true when the request has a user; otherwise the mechanism asks for
     * credentials (a 401 challenge, or FORM's login page) and this returns false.
     *
     * @throws ServletException when the application has no login mechanism
     */
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        Attempt current = attempt();
        if (current.outcome() == Attempt.Outcome.AUTHENTICATED) {
            return true;
        }
        if (security.authenticator() == null) {
            throw new ServletException("authenticate: no login-config, so no mechanism to authenticate with");
        }
        security.answer(current, request, response);
        return false;
    }
}
