package dev.pronto.servlet.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configured welcome files (Servlet 6.1 §10.10), and resources closed with the application. */
class WelcomeFilesTest {

    @TempDir
    Path base;

    @Test
    void configuredWelcomeFilesAreTriedInOrderAndGiveTheirOwnContentType() throws Exception {
        Files.writeString(base.resolve("index.html"), "<h1>html</h1>");
        Files.writeString(base.resolve("default.txt"), "plain");
        Files.createDirectories(base.resolve("docs"));
        Files.writeString(base.resolve("docs/index.html"), "<h1>docs</h1>");
        try (ServletTestServer server = ServletTestServer.start(app -> app.resources(base)
                .welcomeFiles("default.txt", "index.html"))) {
            Response root = server.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("plain", root.body());
            assertTrue(root.header("content-type").startsWith("text/plain"), root.header("content-type"));
            Response docs = server.exchange("GET /docs/ HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("<h1>docs</h1>", docs.body());
            assertTrue(docs.header("content-type").startsWith("text/html"), docs.header("content-type"));
        }
    }

    /** Prints what it was asked for, as a servlet welcome resource sees it. */
    static final class WelcomeServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("servlet " + req.getServletPath() + " for "
                    + req.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI));
        }
    }

    @Test
    void aWelcomeFileNoStaticResourceHasGoesToTheServletMappedToIt() throws Exception {
        Files.createDirectories(base.resolve("docs"));
        Files.writeString(base.resolve("docs/index.html"), "<h1>docs</h1>");
        try (ServletTestServer server = ServletTestServer.start(app -> app.resources(base)
                .servlet("/home", new WelcomeServlet()).servlet("*.do", new WelcomeServlet())
                .welcomeFiles("index.html", "home", "index.do"))) {
            // §10.10: static welcome files first, in every directory; then a servlet mapped to one (exact, extension)
            assertEquals("<h1>docs</h1>", server.exchange("GET /docs/ HTTP/1.1\r\nHost: t\r\n\r\n").body());
            Response root = server.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, root.status());
            assertEquals("servlet /home for /", root.body());
            assertEquals("servlet /other/index.do for /other/",
                    server.exchange("GET /other/ HTTP/1.1\r\nHost: t\r\n\r\n").body());
        }
    }

    @Test
    void noWelcomeFilesMeansNoDirectoryAnswer() throws Exception {
        Files.writeString(base.resolve("index.html"), "<h1>html</h1>");
        try (ServletTestServer server = ServletTestServer.start(app -> app.resources(base).welcomeFiles())) {
            assertEquals(404, server.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n").status());
        }
    }

    @Test
    void closeOnDestroyRunsAfterTheApplicationIsDestroyedInReverseOrder() throws Exception {
        AtomicInteger order = new AtomicInteger();
        int[] closed = new int[2];
        ServletTestServer server = ServletTestServer.start(app -> app.configure(web -> {
            web.closeOnDestroy(() -> closed[0] = order.incrementAndGet());
            web.closeOnDestroy(() -> closed[1] = order.incrementAndGet());
        }));
        assertEquals(0, order.get());
        server.close();
        assertEquals(2, closed[0]);
        assertEquals(1, closed[1]);
    }
}
