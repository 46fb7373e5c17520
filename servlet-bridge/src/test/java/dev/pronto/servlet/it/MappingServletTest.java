package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.ServletTestServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Servlet 6.1 §12 mapping over real sockets: path elements and {@code HttpServletMapping} for each match kind. */
class MappingServletTest {

    /** Echoes its view of the path elements and mapping. */
    static final class EchoServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HttpServletMapping m = req.getHttpServletMapping();
            resp.setContentType("text/plain");
            resp.getWriter().print(getServletName() + "|" + req.getContextPath() + "|" + req.getServletPath() + "|"
                    + req.getPathInfo() + "|" + m.getMappingMatch() + "|" + m.getMatchValue() + "|" + m.getPattern()
                    + "|" + req.getRequestURI() + "|" + resp.getHeader("X-Filter"));
        }
    }

    /** Marks responses that passed through it. */
    static final class MarkFilter extends HttpFilter {
        private final String mark;

        MarkFilter(String mark) {
            this.mark = mark;
        }

        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            String previous = res.getHeader("X-Filter");
            res.setHeader("X-Filter", previous == null ? mark : previous + "+" + mark);
            chain.doFilter(req, res);
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app.contextPath("/ctx")
                .servlet("exact", new EchoServlet(), r -> r.addMapping("/foo/bar"))
                .servlet("prefix", new EchoServlet(), r -> r.addMapping("/foo/bar/*"))
                .servlet("baz", new EchoServlet(), r -> r.addMapping("/baz/*"))
                .servlet("catalog", new EchoServlet(), r -> r.addMapping("/catalog"))
                .servlet("bop", new EchoServlet(), r -> r.addMapping("*.bop"))
                .servlet("root", new EchoServlet(), r -> r.addMapping(""))
                .servlet("default", new EchoServlet(), r -> r.addMapping("/"))
                .filter("all", new MarkFilter("all"), r -> r.addMappingForUrlPatterns(null, true, "/*"))
                .filter("bops", new MarkFilter("bop"), r -> r.addMappingForUrlPatterns(null, true, "*.bop"))
                .filter("byName", new MarkFilter("named"), r -> r.addMappingForServletNames(
                        EnumSet.of(DispatcherType.REQUEST), true, "catalog"))
                .filter("forwardOnly", new MarkFilter("fwd"), r -> r.addMappingForUrlPatterns(
                        EnumSet.of(DispatcherType.FORWARD), true, "/*")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "/ctx/foo/bar;exact|/ctx|/foo/bar|null|EXACT|foo/bar|/foo/bar|/ctx/foo/bar|all",
        "/ctx/foo/bar/index.html;prefix|/ctx|/foo/bar|/index.html|PATH|index.html|/foo/bar/*|/ctx/foo/bar/index.html|all",
        "/ctx/foo/bar/index.bop;prefix|/ctx|/foo/bar|/index.bop|PATH|index.bop|/foo/bar/*|/ctx/foo/bar/index.bop|all+bop",
        "/ctx/baz;baz|/ctx|/baz|null|PATH||/baz/*|/ctx/baz|all",
        "/ctx/baz/index.html;baz|/ctx|/baz|/index.html|PATH|index.html|/baz/*|/ctx/baz/index.html|all",
        "/ctx/catalog;catalog|/ctx|/catalog|null|EXACT|catalog|/catalog|/ctx/catalog|all+named",
        "/ctx/catalog/index.html;default|/ctx|/catalog/index.html|null|DEFAULT||/|/ctx/catalog/index.html|all",
        "/ctx/catalog/racecar.bop;bop|/ctx|/catalog/racecar.bop|null|EXTENSION|catalog/racecar|*.bop|/ctx/catalog/racecar.bop|all+bop",
        "/ctx/index.bop;bop|/ctx|/index.bop|null|EXTENSION|index|*.bop|/ctx/index.bop|all+bop",
        "/ctx/;root|/ctx||/|CONTEXT_ROOT|||/ctx/|all",
    })
    void pathElementsFollowTheSpecTable(String uri, String expected) throws Exception {
        var response = server.get(uri);
        assertEquals(200, response.statusCode());
        assertEquals(expected.replace("||", "||"), response.body());
    }

    @ParameterizedTest
    @CsvSource({"/ctx/a/./b/../../catalog, catalog", "/ctx//catalog, catalog"})
    void pathIsNormalisedBeforeMapping(String uri, String servlet) throws Exception {
        var response = server.send(server.request(uri));
        assertEquals(200, response.statusCode());
        assertEquals(servlet, response.body().split("\\|")[0]);
    }

    @ParameterizedTest
    @CsvSource({"/ctx/../../secret", "/%2e%2e/secret", "/ctx/a%2Fb", "/ctx/a%00b"})
    void pathEscapingTheRootOrEncodedSlashIsRejected(String uri) throws Exception {
        try (var c = dev.pronto.testing.RawHttpConnection.open(server.port())) {
            c.send("GET " + uri + " HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(400, c.read().status());
        }
    }

    @ParameterizedTest
    @CsvSource({"/ctx, /ctx/", "/ctx?x=1, /ctx/?x=1"})
    void contextPathWithoutSlashRedirects(String uri, String location) throws Exception {
        var response = server.get(uri);
        assertEquals(302, response.statusCode());
        assertEquals(location, response.headers().firstValue("location").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"/other", "/"})
    void pathsOutsideTheContextAre404(String uri) throws Exception {
        assertEquals(404, server.get(uri).statusCode());
    }
}
