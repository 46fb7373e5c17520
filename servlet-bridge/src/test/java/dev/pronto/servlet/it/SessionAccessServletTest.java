package dev.pronto.servlet.it;

import dev.pronto.servlet.ServletTestServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Servlet 6.1 §7.6: every request naming a valid session accesses it, even when the application never asks for the
 * session (here a servlet that ignores it); and {@code getRequestedSessionId} is the id the client sent, known or not.
 */
class SessionAccessServletTest {

    /** {@code /create} makes a session, {@code /times} reads its times, {@code /requested} the requested id. */
    static final class SessionServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            switch (req.getPathInfo()) {
                case "/create" -> resp.getWriter().print(req.getSession().getCreationTime());
                case "/times" -> {
                    HttpSession session = req.getSession(false);
                    resp.getWriter().print(session.getCreationTime() + " " + session.getLastAccessedTime());
                }
                case "/requested" -> resp.getWriter().print(req.getRequestedSessionId() + " "
                        + req.isRequestedSessionIdValid() + " " + req.isRequestedSessionIdFromCookie() + " "
                        + (req.getSession(false) == null ? "none" : "some"));
                default -> resp.getWriter().print("ignores the session");
            }
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app.contextPath("/app").servlet("/s/*", new SessionServlet()));
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

    @Test
    void aRequestThatNeverAsksForTheSessionStillAccessesIt() throws Exception {
        Response created = get("/app/s/create", null);
        long creation = Long.parseLong(created.body());
        String header = created.header("set-cookie");
        String cookie = header.substring(0, header.indexOf(';'));
        waitForClockPast(creation);
        long beforePlain = System.currentTimeMillis();
        assertEquals("ignores the session", get("/app/s/plain", "theme=dark; " + cookie).body());
        waitForClockPast(System.currentTimeMillis());

        // the last access before this request is the plain one, not the creation
        String[] times = get("/app/s/times", cookie).body().split(" ");
        assertEquals(creation, Long.parseLong(times[0]));
        long lastAccessed = Long.parseLong(times[1]);
        assertTrue(lastAccessed >= beforePlain, lastAccessed + " < " + beforePlain);
    }

    @Test
    void theRequestedIdIsTheOneSentEvenWhenNoSessionHasIt() throws Exception {
        assertEquals("F00D false true none",
                get("/app/s/requested", "JSESSIONID=F00D").body());
        assertEquals("null false false none", get("/app/s/requested", null).body());
    }

    /** Busy-waits (a few milliseconds) until the wall clock has moved past {@code millis}. */
    private static void waitForClockPast(long millis) throws InterruptedException {
        while (System.currentTimeMillis() <= millis) {
            Thread.sleep(1);
        }
    }
}
