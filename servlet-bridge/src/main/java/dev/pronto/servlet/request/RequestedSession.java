package dev.pronto.servlet.request;

import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.session.HttpSessionImpl;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The session side of a request (Servlet 6.1 §7): the id the client sent (cookie first, else a {@code ;jsessionid=}
 * path parameter, §7.1.3), the session it names, and the one the request creates or re-keys. Resolved once, on first
 * use. Part of {@link HttpServletRequestImpl}; used by the thread running the request.
 */
final class RequestedSession {

    /** Where the session id the client sent came from. */
    private enum Source { NONE, COOKIE, URL }

    private final HttpServletRequestImpl request;
    private final WebApplication app;
    private boolean resolved;
    private String requestedId;
    private Source source = Source.NONE;
    private HttpSessionImpl session;

    RequestedSession(HttpServletRequestImpl request, WebApplication app) {
        this.request = request;
        this.app = app;
    }

    String requestedId() {
        resolve();
        return requestedId;
    }

    boolean fromCookie() {
        resolve();
        return source == Source.COOKIE;
    }

    boolean fromUrl() {
        resolve();
        return source == Source.URL;
    }

    boolean requestedIdValid() {
        resolve();
        return requestedId != null && session != null && session.isValid() && requestedId.equals(session.getId());
    }

    /** The valid session of the request; a new one when {@code create}, before the response is committed. */
    HttpSession get(boolean create) {
        resolve();
        if (session != null && session.isValid()) {
            return session;
        }
        session = null;
        if (!create) {
            return null;
        }
        HttpServletResponse response = request.response();
        if (response.isCommitted()) {
            throw new IllegalStateException("Cannot create a session after the response was committed");
        }
        session = app.sessions().createSession();
        addCookie(response, session.getId());
        return session;
    }

    /** The session the request joined or created, without resolving anything; null if it never used one. */
    HttpSessionImpl inUse() {
        return session;
    }

    /** §7.4.1: a new id for the current session (against session fixation), sent in a new cookie. */
    String changeId() {
        if (get(false) == null) {
            throw new IllegalStateException("No session to change the id of");
        }
        String id = app.sessions().changeSessionId(session);
        addCookie(request.response(), id);
        return id;
    }

    private void addCookie(HttpServletResponse response, String id) {
        if (app.context().tracksSessionsByCookie()) {
            response.addCookie(app.sessionCookieConfig().newSessionCookie(id, app.contextPath(), request.isSecure()));
        }
    }

    /** Finds the session the client names (once), marking it accessed (Servlet 6.1 §7.6). */
    private void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        if (app.context().tracksSessionsByCookie() && joinFromCookies()) {
            return;
        }
        if (requestedId == null && app.context().tracksSessionsByUrl()) {
            String id = RequestPathNormalizer.pathParameter(request.exchange().target(), "jsessionid");
            if (id != null && !id.isEmpty()) {
                requestedId = id;
                source = Source.URL;
                join(id);
            }
        }
    }

    private boolean joinFromCookies() {
        String name = app.sessionCookieConfig().getName();
        Cookie[] all = request.getCookies();
        if (all == null) {
            return false;
        }
        for (Cookie cookie : all) {
            if (cookie.getName().equals(name)) {
                requestedId = cookie.getValue();
                source = Source.COOKIE;
                if (join(cookie.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean join(String id) {
        HttpSessionImpl found = app.sessions().findSession(id);
        if (found == null) {
            return false;
        }
        found.access();
        found.markJoined();
        session = found;
        return true;
    }
}
