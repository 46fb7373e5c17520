package dev.pronto.servlet.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * An application's security at request time: the constraint check run before the filter chain of a REQUEST
 * dispatch (Servlet 6.1 §13.8.3), the authentication mechanism, and role tests. Exists only for applications that
 * configured security, so the others pay nothing. Immutable and thread-safe; authentication may block (realm).
 */
public final class WebSecurity {

    private final ConstraintMap constraints;
    private final LoginConfig loginConfig;
    private final RealmLogin login;
    private final Authenticator authenticator;
    private final FormAuthenticator form;
    private final Set<String> declaredRoles;
    private final boolean denyUncovered;
    private final Map<String, Map<String, String>> roleRefs;
    /** Where CONFIDENTIAL redirects (§13.8.3): the server's TLS port once bound, else -1. */
    private volatile int securePort = -1;

    WebSecurity(ConstraintMap constraints, LoginConfig loginConfig, RealmLogin login, Set<String> declaredRoles,
                boolean denyUncovered, Map<String, Map<String, String>> roleRefs, int maxSavedBody) {
        this.constraints = constraints;
        this.loginConfig = loginConfig;
        this.login = login;
        this.declaredRoles = Set.copyOf(declaredRoles);
        this.denyUncovered = denyUncovered;
        this.roleRefs = Map.copyOf(roleRefs);
        this.form = loginConfig != null && loginConfig.authMethod().equals(LoginConfig.FORM)
                ? new FormAuthenticator(login, loginConfig, maxSavedBody) : null;
        this.authenticator = loginConfig == null ? null : switch (loginConfig.authMethod()) {
            case LoginConfig.FORM -> form;
            case LoginConfig.CLIENT_CERT -> new ClientCertAuthenticator(login);
            case LoginConfig.DIGEST -> new DigestAuthenticator(login, loginConfig.realmName(),
                    new DigestNonces(DigestNonces.DEFAULT_MAX_NONCES, DigestNonces.DEFAULT_VALIDITY_SECONDS,
                            System::nanoTime));
            default -> new BasicAuthenticator(login, loginConfig.realmName());
        };
    }

    /** A request's security state, created when the request first needs one. */
    public RequestSecurity newRequestState(HttpServletRequest request) {
        return new RequestSecurity(this, request);
    }

    /**
     * Whether a request for {@code path} may be held up by the security check (a constraint pattern matches it,
     * or it is FORM's login action): such requests never run inline on the event loop, since a realm may block.
     */
    public boolean guards(String path) {
        return constraints.matches(path) || form != null && path.endsWith(FormAuthenticator.ACTION);
    }

    /**
     * Checks a REQUEST dispatch against the constraints before its filter chain (§13.8.3).
     *
     * @param path the canonical path within the context
     * @return the request to run the chain with (the request itself, or FORM's replay of a saved one), or null
     *         when the check answered the request (401 challenge, login page, 403, 400, 429, a login redirect)
     */
    public HttpServletRequest admit(HttpServletRequest request, RequestSecurity state, HttpServletResponse response,
                                    String path) throws IOException, ServletException {
        String method = request.getMethod();
        if (form != null && FormAuthenticator.isLoginAction(path, method)) {
            form.loginAction(request, response);
            return null;
        }
        Access access = constraints.access(path, method);
        if (access == null) {
            return request;
        }
        switch (access.rule()) {
            case DENY -> {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return null;
            }
            case UNCOVERED -> {
                if (denyUncovered) {
                    // §13.8.4: deny-uncovered-http-methods
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    return null;
                }
                return request;
            }
            default -> {
            }
        }
        if (access.confidential() && !request.isSecure()) {
            refuseCleartext(request, response);
            return null;
        }
        if (access.needsAuthentication() && !authenticated(request, state, response, access)) {
            return null;
        }
        return form != null ? FormAuthenticator.replay(request) : request;
    }

    /** The server's bound TLS port, given once the server is bound; -1 when it serves no TLS. */
    public void securePort(int port) {
        securePort = port;
    }

    /**
     * §13.8.3 rule 1: a CONFIDENTIAL resource asked for in cleartext is redirected to the same URL on the TLS port
     * (302, as Tomcat's redirect port does); without TLS it is refused with a reason.
     */
    private void refuseCleartext(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int port = securePort;
        if (port <= 0) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "CONFIDENTIAL transport-guarantee: this resource needs TLS, which this server does not offer");
            return;
        }
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = '[' + host + ']'; // an IPv6 literal (RFC 3986 §3.2.2)
        }
        StringBuilder url = new StringBuilder("https://").append(host);
        if (port != 443) {
            url.append(':').append(port);
        }
        url.append(request.getRequestURI());
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        response.sendRedirect(url.toString());
    }

    /** §13.8.3 rule 2: 401 (a challenge) without a user, 403 for a user in none of the permitted roles. */
    private boolean authenticated(HttpServletRequest request, RequestSecurity state, HttpServletResponse response,
                                  Access access) throws IOException, ServletException {
        Attempt attempt = state.attempt();
        if (attempt.outcome() == Attempt.Outcome.AUTHENTICATED) {
            if (permits(attempt.principal(), access.roles())) {
                return true;
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return false;
        }
        answer(attempt, request, response);
        return false;
    }

    /** Answers a request whose credentials did not authenticate it. */
    void answer(Attempt attempt, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        switch (attempt.outcome()) {
            case MALFORMED -> response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed credentials");
            case LOCKED -> tooManyFailures(response, attempt.retryAfterSeconds());
            default -> {
                if (authenticator == null) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN, "No login-config: nobody can log in");
                } else {
                    authenticator.challenge(request, response, attempt.outcome() == Attempt.Outcome.STALE);
                }
            }
        }
    }

    /** 429 with {@code Retry-After} (RFC 6585 §4) while a remote address is locked out. */
    static void tooManyFailures(HttpServletResponse response, long seconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        response.sendError(429, "Too many failed logins from this address");
    }

    /**
     * Whether {@code user} is in one of {@code roles}: {@code **} is any authenticated user and {@code *} any
     * declared role, unless the application declared a role of that name (§13.8.1).
     */
    boolean permits(UserPrincipal user, Set<String> roles) {
        for (String role : roles) {
            if (role.equals("**") && !declaredRoles.contains("**")) {
                return true;
            }
            if (role.equals("*") && !declaredRoles.contains("*")) {
                if (user.roles().stream().anyMatch(declaredRoles::contains)) {
                    return true;
                }
            } else if (user.roles().contains(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code isUserInRole} (§13.3): {@code *} never; the servlet's {@code security-role-ref} maps the name first;
     * {@code **} is any authenticated user unless declared as a role.
     */
    boolean isUserInRole(UserPrincipal user, String role, String servletName) {
        if (user == null || role == null || role.equals("*")) {
            return false;
        }
        Map<String, String> refs = servletName == null ? null : roleRefs.get(servletName);
        String linked = refs == null ? null : refs.get(role);
        String tested = linked != null ? linked : role;
        if (tested.equals("**") && !declaredRoles.contains("**")) {
            return true;
        }
        return user.roles().contains(tested);
    }

    /** The credentials of a request: a login kept in its session first, then the mechanism's header. */
    Attempt credentials(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(FormAuthenticator.PRINCIPAL);
        if (kept instanceof UserPrincipal user) {
            return Attempt.authenticated(user);
        }
        return authenticator == null || authenticator == form ? Attempt.NONE : authenticator.credentials(request);
    }

    /** The {@code getAuthType()} of a user authenticated in this application. */
    String authType() {
        return authenticator == null ? "LOGIN" : authenticator.authType();
    }

    boolean isForm() {
        return form != null;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    RealmLogin login() {
        return login;
    }

    /** The declared roles: {@code security-role}, {@code declareRoles} and the roles constraints name. */
    public Set<String> declaredRoles() {
        return declaredRoles;
    }

    /** The login configuration, or null. */
    public LoginConfig loginConfig() {
        return loginConfig;
    }
}
