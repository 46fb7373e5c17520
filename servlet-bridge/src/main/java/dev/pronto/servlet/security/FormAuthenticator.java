package dev.pronto.servlet.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Form-based login (Servlet 6.1 §13.6.3): an unauthenticated request is saved in the session and the login page
 * shown in its place; the page posts {@code j_username}/{@code j_password} to {@code j_security_check}; success
 * changes the session id (session fixation) and redirects to the saved request, which is then replayed; failure
 * shows the error page. The login lives in the session. Thread-safe.
 */
final class FormAuthenticator implements Authenticator {

    /** Session attribute holding the logged-in {@link UserPrincipal}. */
    static final String PRINCIPAL = "dev.pronto.security.principal";
    static final String ACTION = "/j_security_check";

    private final RealmLogin login;
    private final LoginConfig config;
    private final int maxSavedBody;

    FormAuthenticator(RealmLogin login, LoginConfig config, int maxSavedBody) {
        this.login = login;
        this.config = config;
        this.maxSavedBody = maxSavedBody;
    }

    @Override
    public String authType() {
        return HttpServletRequest.FORM_AUTH;
    }

    @Override
    public Attempt credentials(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object principal = session == null ? null : session.getAttribute(PRINCIPAL);
        return principal instanceof UserPrincipal user ? Attempt.authenticated(user) : Attempt.NONE;
    }

    /** Saves the request and shows the login page instead (forwarded, so the address bar keeps the target). */
    @Override
    public void challenge(HttpServletRequest request, HttpServletResponse response, boolean stale)
            throws IOException, ServletException {
        SavedRequest saved;
        try {
            saved = SavedRequest.of(request, maxSavedBody);
        } catch (SavedRequest.TooLargeException e) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.getMessage());
            return;
        }
        request.getSession(true).setAttribute(SavedRequest.ATTRIBUTE, saved);
        show(config.formLoginPage(), request, response);
    }

    /** Whether {@code path} (within the context) is where the login form posts. */
    static boolean isLoginAction(String path, String method) {
        return "POST".equals(method) && path.endsWith(ACTION);
    }

    /**
     * Handles the login form's post: on success a new session id, the user in the session and a 303 (302 for an
     * HTTP/1.0 client) to the saved request (or the context root); on failure the error page; while the address is
     * locked out, 429.
     */
    void loginAction(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String username = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        if (username == null || password == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "j_username and j_password are required");
            return;
        }
        Attempt attempt = login.check(username, password, request.getRemoteAddr(), authType());
        switch (attempt.outcome()) {
            case AUTHENTICATED -> loggedIn(request, response, attempt.principal());
            case LOCKED -> WebSecurity.tooManyFailures(response, attempt.retryAfterSeconds());
            default -> show(config.formErrorPage(), request, response);
        }
    }

    private void loggedIn(HttpServletRequest request, HttpServletResponse response, UserPrincipal user)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId(); // §13.6.3: a session id known before the login must not stay valid
        } else {
            session = request.getSession(true);
        }
        session.setAttribute(PRINCIPAL, user);
        Object saved = session.getAttribute(SavedRequest.ATTRIBUTE);
        String target = saved instanceof SavedRequest s ? s.target() : request.getContextPath() + "/";
        // RFC 9110 §15.4.4: 303 makes the browser GET the page; an HTTP/1.0 client may not know 303, so it gets 302
        // (as Tomcat does). sendRedirect: an absolute URL, as HTTP/1.0 requires, unless the application asks for
        // relative redirects.
        boolean http10 = "HTTP/1.0".equals(request.getProtocol());
        response.sendRedirect(target, http10 ? HttpServletResponse.SC_FOUND : HttpServletResponse.SC_SEE_OTHER);
    }

    /** The saved request when {@code request} is the browser coming back for it, removed from the session. */
    static HttpServletRequest replay(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(SavedRequest.ATTRIBUTE);
        if (!(saved instanceof SavedRequest s) || !s.matches(request)) {
            return request;
        }
        session.removeAttribute(SavedRequest.ATTRIBUTE);
        return "GET".equals(s.method()) ? request : new SavedRequestWrapper(request, s);
    }

    private static void show(String page, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // the login and error pages must not be cached: they stand in for other URLs
        response.setHeader("Cache-Control", "no-store");
        RequestDispatcher dispatcher = request.getRequestDispatcher(page);
        if (dispatcher == null) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "No login page at " + page);
            return;
        }
        // as Tomcat does: the pages are shown as for a GET, so that a static page answers a POST that needed a login
        dispatcher.forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
