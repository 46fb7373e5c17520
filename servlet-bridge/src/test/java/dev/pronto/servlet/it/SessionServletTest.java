package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions over raw sockets: the cookie, persistence, invalidation, id change and listeners. */
class SessionServletTest {

    static final List<String> events = new CopyOnWriteArrayList<>();

    /** {@code /count} increments, {@code /invalidate}, {@code /change}, {@code /peek} reads without creating. */
    static final class CounterServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            switch (req.getPathInfo()) {
                case "/count" -> {
                    HttpSession session = req.getSession();
                    Integer n = (Integer) session.getAttribute("n");
                    n = n == null ? 1 : n + 1;
                    session.setAttribute("n", n);
                    resp.getWriter().print(n + (session.isNew() ? " new" : " old"));
                }
                case "/invalidate" -> req.getSession().invalidate();
                case "/change" -> resp.getWriter().print(req.changeSessionId());
                case "/peek" -> {
                    HttpSession session = req.getSession(false);
                    resp.getWriter().print(session == null ? "none" : session.getId());
                }
                default -> resp.sendError(404);
            }
        }
    }

    /** Records session life-cycle and id events. */
    static final class Recorder implements HttpSessionListener, HttpSessionIdListener {
        @Override
        public void sessionCreated(HttpSessionEvent se) {
            events.add("created");
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent se) {
            events.add("destroyed");
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            events.add("changed");
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app.contextPath("/app").servlet("/s/*", new CounterServlet())
                .listener(new Recorder()).sessionTimeout(Duration.ofMinutes(5))
                .sessionCookie(c -> c.setAttribute("SameSite", "Lax")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response get(String path, String cookie) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + "\r\n");
            return c.read();
        }
    }

    private static String sessionCookie(Response r) {
        String header = r.header("set-cookie");
        return header == null ? null : header.substring(0, header.indexOf(';'));
    }

    @Test
    void sessionPersistsThroughTheCookieAndCanBeInvalidated() throws IOException {
        events.clear();
        Response first = get("/app/s/count", null);
        assertEquals("1 new", first.body());
        String cookie = sessionCookie(first);
        String header = first.header("set-cookie");
        assertTrue(cookie.startsWith("JSESSIONID="), header);
        assertTrue(header.contains("Path=/app"), header);
        assertTrue(header.contains("HttpOnly"), header);
        assertTrue(header.contains("SameSite=Lax"), header);

        Response second = get("/app/s/count", cookie);
        assertEquals("2 old", second.body());
        assertNull(second.header("set-cookie"), "no new cookie for a known session");

        get("/app/s/invalidate", cookie);
        assertEquals("none", get("/app/s/peek", cookie).body());
        assertEquals("1 new", get("/app/s/count", cookie).body(), "an invalidated id starts a new session");
        assertEquals(List.of("created", "destroyed", "created"), events);
    }

    @Test
    void getSessionFalseDoesNotCreate() throws IOException {
        Response r = get("/app/s/peek", null);
        assertEquals("none", r.body());
        assertNull(r.header("set-cookie"));
    }

    @Test
    void changeSessionIdKeepsAttributesAndSendsTheNewCookie() throws IOException {
        Response first = get("/app/s/count", null);
        String cookie = sessionCookie(first);
        Response change = get("/app/s/change", cookie);
        String newCookie = sessionCookie(change);
        assertNotEquals(cookie, newCookie);
        assertEquals("JSESSIONID=" + change.body(), newCookie);
        assertEquals("2 old", get("/app/s/count", newCookie).body());
        assertTrue(events.contains("changed"));
    }
}
