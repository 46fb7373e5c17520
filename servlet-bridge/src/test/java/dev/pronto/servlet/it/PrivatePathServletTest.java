package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Servlet 6.1 §10.5: a client's own request for WEB-INF or META-INF is 404 container-wide, before any servlet or
 * filter mapped there runs (here a {@code /*} servlet and filter), in every spelling the canonical path folds
 * (case, path parameters, %-escapes, dot segments); forwards still reach such paths.
 */
class PrivatePathServletTest {

    /** Serves whatever it is asked for, as a careless {@code /*} servlet would. */
    static final class EverythingServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("served " + req.getPathInfo());
        }
    }

    /** Forwards to a page under WEB-INF (a view), which must work. */
    static final class ForwardingServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            req.getRequestDispatcher("/WEB-INF/views/page").forward(req, resp);
        }
    }

    static final class NotFoundPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("custom 404");
        }
    }

    static final class MarkFilter extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            res.setHeader("X-Filtered", "yes");
            chain.doFilter(req, res);
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app.contextPath("/ctx")
                .servlet("everything", new EverythingServlet(), r -> r.addMapping("/*"))
                .servlet("forward", new ForwardingServlet(), r -> r.addMapping("/forward"))
                .servlet("notFound", new NotFoundPage(), r -> r.addMapping("/not-found"))
                .filter("mark", new MarkFilter(), r -> r.addMappingForUrlPatterns(null, true, "/*"))
                .errorPage(404, "/not-found"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ctx/WEB-INF/web.xml", "/ctx/WEB-INF", "/ctx/WEB-INF/", "/ctx/web-inf/web.xml",
        "/ctx/Web-Inf/classes/A.class", "/ctx/META-INF/MANIFEST.MF", "/ctx/meta-inf", "/ctx/WEB-INF;x/web.xml",
        "/ctx/WEB-INF;jsessionid=1/web.xml", "/ctx/%57EB-INF/web.xml", "/ctx/%77eb-inf/web.xml",
        "/ctx/WEB%2DINF/web.xml", "/ctx/a/../WEB-INF/web.xml", "/ctx//WEB-INF/web.xml", "/ctx/./META-INF/x",
        "/ctx/WEB-INF/web.xml?x=1"})
    void privatePathsAre404WithTheApplicationsErrorPage(String target) throws IOException {
        try (RawHttpConnection c = server.connect()) {
            c.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
            RawHttpConnection.Response response = c.read();
            assertEquals(404, response.status(), target);
            assertEquals("custom 404", response.body(), "the error page answers, not the /* servlet");
            assertNull(response.header("X-Filtered"), "no filter of the request runs");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ctx/WEB-INFO/x", "/ctx/x/WEB-INF/web.xml", "/ctx/META-INF.txt", "/ctx/WEB-INF.bak"})
    void namesThatOnlyLookPrivateAreServed(String target) throws IOException {
        RawHttpConnection.Response response = server.rawGet(target);
        assertEquals(200, response.status(), target);
        assertEquals("served " + target.substring("/ctx".length()), response.body());
    }

    @Test
    void forwardsStillReachWebInf() throws IOException {
        RawHttpConnection.Response response = server.rawGet("/ctx/forward");
        assertEquals(200, response.status());
        assertEquals("served /WEB-INF/views/page", response.body());
    }
}
