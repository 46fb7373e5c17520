package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sendRedirect} in both modes (issue 9, defect 10): absolute URLs by default (Servlet 6.1 §5.5), references
 * without scheme and authority with {@code useRelativeRedirects(true)} (Tomcat's option, RFC 9110 §10.2.2); and
 * the Servlet 6.1 {@code sendRedirect(location, sc, clearBuffer)} variants. Over a raw socket, so the
 * {@code Location} value is read exactly as sent.
 */
class RedirectServletTest {

    /** Redirects to {@code ?to=...} (taken from the raw query so that every character survives). */
    static final class RedirectingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String to = req.getQueryString().substring("to=".length());
            switch (req.getPathInfo()) {
                case "/see-other" -> resp.sendRedirect(to, HttpServletResponse.SC_SEE_OTHER);
                case "/permanent-keep-body" -> {
                    resp.getWriter().print("moved");
                    resp.sendRedirect(to, 308, false);
                }
                case "/clear-body" -> {
                    resp.getWriter().print("discarded");
                    resp.sendRedirect(to, true);
                }
                default -> resp.sendRedirect(to);
            }
        }
    }

    /** Forwards to the redirecting servlet, whose request URI is then the forward's target. */
    static final class ForwardingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            req.getRequestDispatcher("/go/dir/inner?" + req.getQueryString()).forward(req, resp);
        }
    }

    private ProntoServer server;

    @AfterEach
    void stop() {
        server.destroy();
    }

    private int start(boolean relative) throws Exception {
        server = Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app -> app.contextPath("/app").useRelativeRedirects(relative)
                        .servlet("/go/*", new RedirectingServlet())
                        .servlet("/fwd/*", new ForwardingServlet()))
                .start();
        return server.port();
    }

    private static Response get(int port, String target, String version) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            return c.send("GET " + target + " " + version + "\r\nHost: internal.example:8081\r\nConnection: close\r\n\r\n")
                    .read();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "next?a=1,               http://internal.example:8081/app/go/dir/next?a=1",
            "../x,                   http://internal.example:8081/app/go/x",
            "./y/z,                  http://internal.example:8081/app/go/dir/y/z",
            "/app/root,              http://internal.example:8081/app/root",
            "//cdn.example/x,        http://cdn.example/x",
            "https://other.example/p, https://other.example/p",
    })
    void absoluteByDefault(String location, String expected) throws Exception {
        int port = start(false);
        Response r = get(port, "/app/go/dir/page?to=" + location, "HTTP/1.1");
        assertEquals(302, r.status());
        assertEquals(expected, r.header("location"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "next?a=1,               /app/go/dir/next?a=1",
            "../x,                   /app/go/x",
            "./y/z,                  /app/go/dir/y/z",
            "/app/root,              /app/root",
            "//cdn.example/x,        //cdn.example/x",
            "https://other.example/p, https://other.example/p",
    })
    void relativeWhenConfigured(String location, String expected) throws Exception {
        int port = start(true);
        Response r = get(port, "/app/go/dir/page?to=" + location, "HTTP/1.1");
        assertEquals(302, r.status());
        assertEquals(expected, r.header("location"));
    }

    @Test
    void relativeModeStillSendsAbsoluteUrlsToHttp10Clients() throws Exception {
        int port = start(true);
        Response r = get(port, "/app/go/dir/page?to=next", "HTTP/1.0");
        assertEquals("http://internal.example:8081/app/go/dir/next", r.header("location"));
    }

    @Test
    void relativePathAfterAForwardIsResolvedAgainstTheForwardTarget() throws Exception {
        int port = start(true);
        Response r = get(port, "/app/fwd/page?to=next", "HTTP/1.1");
        assertEquals("/app/go/dir/next", r.header("location"));
    }

    @Test
    void servlet61VariantsSetTheStatusAndKeepOrClearTheBody() throws Exception {
        int port = start(true);
        Response seeOther = get(port, "/app/go/see-other?to=done", "HTTP/1.1");
        assertEquals(303, seeOther.status());
        assertEquals("/app/go/done", seeOther.header("location"));

        Response permanent = get(port, "/app/go/permanent-keep-body?to=/new", "HTTP/1.1");
        assertEquals(308, permanent.status());
        assertEquals("/new", permanent.header("location"));
        assertEquals("moved", permanent.body(), "clearBuffer=false keeps what was written");

        Response cleared = get(port, "/app/go/clear-body?to=/new", "HTTP/1.1");
        assertEquals(302, cleared.status());
        assertEquals("", cleared.body());
    }
}
