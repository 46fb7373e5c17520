package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.server.servlet.Session;

/** {@code server.servlet.session.*}: timeout, cookie attributes, SameSite suppliers, tracking modes. */
class SessionsAndCookiesTest extends FactoryTestSupport {

    @Test
    void defaultSessionCookieAndTimeout() throws Exception {
        start(servlet("/session", new SessionServlet()));
        var response = get("/session");
        assertEquals("1800", response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("; Path=/"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertFalse(cookie.contains("SameSite"), cookie);
    }

    @Test
    void sessionCookieTakesEveryConfiguredAttribute() throws Exception {
        Session session = new Session();
        session.setTimeout(Duration.ofSeconds(90));
        org.springframework.boot.web.server.Cookie cookie = session.getCookie();
        cookie.setName("SID");
        cookie.setDomain("example.test");
        cookie.setPath("/custom");
        cookie.setHttpOnly(false);
        cookie.setSecure(true);
        cookie.setMaxAge(Duration.ofMinutes(1));
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPartitioned(true);
        session.setTrackingModes(Set.of(Session.SessionTrackingMode.COOKIE));
        factory.setSession(session);
        start(servlet("/session", new SessionServlet()));
        var response = get("/session");
        assertEquals("90", response.body(), "the exact timeout, not whole minutes");
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(header.startsWith("SID="), header);
        assertTrue(header.contains("; Max-Age=60"), header);
        assertTrue(header.contains("; Domain=example.test"), header);
        assertTrue(header.contains("; Path=/custom"), header);
        assertTrue(header.contains("; Secure"), header);
        assertFalse(header.contains("HttpOnly"), header);
        assertTrue(header.contains("; SameSite=Strict"), header);
        assertTrue(header.contains("; Partitioned"), header);
    }

    @Test
    void sessionTimeoutOfZeroNeverExpires() throws Exception {
        Session session = new Session();
        session.setTimeout(Duration.ZERO);
        factory.setSession(session);
        start(servlet("/session", new SessionServlet()));
        assertTrue(Integer.parseInt(get("/session").body()) <= 0);
    }

    @Test
    void sameSiteSuppliersApplyToApplicationAndSessionCookies() throws Exception {
        factory.addCookieSameSiteSuppliers(CookieSameSiteSupplier.ofLax().whenHasName("remember"),
                CookieSameSiteSupplier.ofNone().whenHasName("JSESSIONID"));
        start(servlet("/cookies", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.addCookie(new Cookie("remember", "me"));
                resp.addCookie(new Cookie("plain", "cookie"));
                req.getSession();
                resp.getWriter().write("ok");
            }
        }));
        List<String> cookies = get("/cookies").headers().allValues("Set-Cookie");
        assertEquals(3, cookies.size(), cookies::toString);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("remember=me") && c.contains("SameSite=Lax")), cookies::toString);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("plain=cookie") && !c.contains("SameSite")), cookies::toString);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("SameSite=None")), cookies::toString);
    }

    @Test
    void sessionSurvivesAcrossRequestsWithItsCookie() throws Exception {
        start(servlet("/count", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                Integer count = (Integer) req.getSession().getAttribute("count");
                count = count == null ? 1 : count + 1;
                req.getSession().setAttribute("count", count);
                resp.getWriter().write(String.valueOf(count));
            }
        }));
        var first = get("/count");
        String id = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals("1", first.body());
        assertEquals("2", get("/count", "Cookie", id).body());
    }

    /** Creates a session and writes its max inactive interval. */
    @Test
    void urlTrackingOnlyRewritesLinksAndSetsNoCookie() throws Exception {
        Session session = new Session();
        session.setTrackingModes(Set.of(Session.SessionTrackingMode.URL));
        factory.setSession(session);
        start(servlet("/link", new LinkServlet()));
        var first = get("/link");
        assertTrue(first.headers().firstValue("Set-Cookie").isEmpty(), first.headers().map().toString());
        assertTrue(first.body().startsWith("/next;jsessionid="), first.body());
        String id = first.body().substring("/next;jsessionid=".length(), first.body().indexOf('?'));
        var second = get("/link;jsessionid=" + id);
        assertEquals("/next;jsessionid=" + id + "?a=1 fromURL=true", second.body());
    }

    /** Creates a session, then answers an encoded link and where the session id came from. */
    static final class LinkServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            boolean joined = req.getSession(false) != null;
            req.getSession();
            resp.getWriter().write(resp.encodeURL("/next?a=1") + (joined ? " fromURL=" + req.isRequestedSessionIdFromURL()
                    : ""));
        }
    }

    static final class SessionServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(String.valueOf(req.getSession().getMaxInactiveInterval()));
        }
    }
}
