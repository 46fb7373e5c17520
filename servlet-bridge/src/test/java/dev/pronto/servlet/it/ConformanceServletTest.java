package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Servlet 6.1 rules issue 12 found broken (by the TCK), each as our own socket-level test: reader charsets,
 * sendError pages and commit, trailers and framing, UnavailableException, §4.4 listener rights, the context's
 * temporary directory, the default servlet behind writers and filters, dispatch() after a forward.
 */
class ConformanceServletTest {

    static final List<String> events = new CopyOnWriteArrayList<>();
    static final AtomicInteger temporaryFailures = new AtomicInteger();
    static ServletTestServer server;
    static Path docs;

    /** Reports what getReader does with an unknown charset. */
    static final class ReaderServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                req.getReader();
                resp.getWriter().print("reader");
            } catch (UnsupportedEncodingException e) {
                resp.getWriter().print("UEE " + e.getMessage());
            }
        }
    }

    /** sendError with a message, then headers that must be ignored. */
    static final class ErrorServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(409, "<b>conflict</b> & more");
            resp.setHeader("X-After", "1");
            resp.addHeader("X-After-Add", "1");
            resp.addIntHeader("X-After-Int", 1);
            events.add("committed after sendError: " + resp.isCommitted());
        }
    }

    /** Sets trailers, and Transfer-Encoding itself when asked. */
    static final class TrailerServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                resp.setTrailerFields(() -> Map.of("x-checksum", "abc"));
            } catch (IllegalStateException e) {
                resp.getWriter().print("ISE");
                return;
            }
            if (req.getParameter("te") != null) {
                resp.setHeader("Transfer-Encoding", "chunked");
            }
            resp.getWriter().print("body");
        }
    }

    /** Permanently unavailable from init. */
    static final class BrokenInitServlet extends HttpServlet {
        @Override
        public void init() throws ServletException {
            throw new UnavailableException("gone for good");
        }
    }

    /** Temporarily unavailable from service, once. */
    static final class BusyServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException {
            temporaryFailures.incrementAndGet();
            throw new UnavailableException("busy", 30);
        }
    }

    /** Adds a programmatic context listener from an initializer, and records what it may do. */
    static final class ListenerAddingInitializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
            ctx.addListener(new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent sce) {
                    try {
                        sce.getServletContext().addServlet("late", new HttpServlet() { });
                        events.add("programmatic listener could addServlet");
                    } catch (UnsupportedOperationException e) {
                        events.add("programmatic listener: UOE");
                    }
                    events.add("programmatic listener reads attributes: "
                            + (sce.getServletContext().getAttribute(ServletContext.TEMPDIR) != null));
                }
            });
        }
    }

    /** A declared listener: full rights, but no further context listeners (not inside an initializer). */
    static final class DeclaredListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            ServletContext ctx = sce.getServletContext();
            ctx.addServlet("declared-added", new HttpServlet() { }).addMapping("/declared-added");
            events.add("declared listener added a servlet");
            try {
                ctx.addListener(new ServletContextListener() { });
                events.add("declared listener added a context listener");
            } catch (IllegalArgumentException e) {
                events.add("declared listener: IAE");
            }
        }
    }

    /** Includes a static file after taking the writer. */
    static final class IncludingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            resp.getWriter().print("[");
            req.getRequestDispatcher("/static/hello.txt").include(req, resp);
            resp.getWriter().print("]");
        }
    }

    /** Writes before the default servlet serves a file. */
    static final class PrefixFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                throws IOException, ServletException {
            resp.getWriter().print("filter:");
            chain.doFilter(req, resp);
        }
    }

    /** Forwards with a new query to a servlet that starts async with the forwarded request and dispatches. */
    static final class ForwardThenAsync extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (req.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
                resp.getWriter().print("ASYNC step=" + req.getParameter("step"));
                return;
            }
            if ("one".equals(req.getParameter("step"))) {
                req.getRequestDispatcher("/fwd?step=two").forward(req, resp);
                return;
            }
            AsyncContext ac = req.startAsync(req, resp);
            ac.dispatch();
        }
    }

    /** Answers the context's temporary directory and whether addFilter by class name still works. */
    static final class ContextServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            File dir = (File) getServletContext().getAttribute(ServletContext.TEMPDIR);
            String addFilter;
            try {
                getServletContext().addFilter("late", "no.such.FilterClass");
                addFilter = "added";
            } catch (IllegalStateException e) {
                addFilter = "ISE";
            } catch (IllegalArgumentException e) {
                addFilter = "IAE";
            }
            resp.getWriter().print("tempdir=" + (dir != null && dir.isDirectory()) + " addFilter=" + addFilter);
        }
    }

    /** Creates a session and answers links encoded for it. */
    static final class LinkServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            req.getSession();
            resp.getWriter().print(String.join(" ", resp.encodeURL("/a?x=1#f"), resp.encodeURL("rel"),
                    resp.encodeRedirectURL("http://t/abs"), resp.encodeURL("http://elsewhere/x"),
                    resp.encodeURL("mailto:me@t")) + " url=" + req.isRequestedSessionIdFromURL()
                    + " cookie=" + req.isRequestedSessionIdFromCookie());
        }
    }

    static void app(WebAppBuilder app) {
        app.servlet("/reader", new ReaderServlet())
                .servlet("/link", new LinkServlet())
                .servlet("/error", new ErrorServlet())
                .servlet("/trailers", new TrailerServlet())
                .servlet("broken", new BrokenInitServlet(), r -> r.addMapping("/broken"))
                .servlet("/busy", new BusyServlet())
                .servlet("/include", new IncludingServlet())
                .servlet("fwd", new ForwardThenAsync(), r -> {
                    r.addMapping("/fwd");
                    r.setAsyncSupported(true);
                })
                .servlet("/context", new ContextServlet())
                .filter("prefix", new PrefixFilter(), r -> r.addMappingForUrlPatterns(null, false, "/static/filtered.txt"))
                .resources(docs)
                .initializer(new ListenerAddingInitializer())
                .listener(new DeclaredListener());
    }

    @BeforeAll
    static void start() throws Exception {
        docs = Files.createTempDirectory("pronto-conformance");
        Files.createDirectories(docs.resolve("static"));
        Files.writeString(docs.resolve("static/hello.txt"), "hello");
        Files.writeString(docs.resolve("static/filtered.txt"), "file body");
        server = ServletTestServer.start(ConformanceServletTest::app);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (var paths = Files.walk(docs)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static Response exchange(String request) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port()).timeout(10_000)) {
            return c.send(request).read();
        }
    }

    private static Response get(String path) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
    }

    @Test
    void readerWithAnUnknownCharsetThrowsUnsupportedEncoding() throws IOException {
        Response r = exchange("POST /reader HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain; charset=DoesNotExist\r\n"
                + "Content-Length: 2\r\n\r\nhi");
        assertEquals("UEE DoesNotExist", r.body());
    }

    @Test
    void sendErrorPageShowsTheEscapedMessageAndIgnoresLaterHeaders() throws IOException {
        Response r = get("/error");
        assertEquals(409, r.status());
        assertTrue(r.body().contains("&lt;b&gt;conflict&lt;/b&gt; &amp; more"), r.body());
        assertNull(r.header("x-after"));
        assertNull(r.header("x-after-add"));
        assertNull(r.header("x-after-int"));
        assertTrue(events.contains("committed after sendError: true"), events.toString());
    }

    @Test
    void trailersGoOutChunkedAndNeverNextToAContentLength() throws IOException {
        for (String path : List.of("/trailers", "/trailers?te=1")) {
            try (RawHttpConnection c = RawHttpConnection.open(server.port()).timeout(10_000)) {
                String raw = c.send("GET " + path + " HTTP/1.1\r\nHost: t\r\nTE: trailers\r\nConnection: close\r\n\r\n")
                        .readUntilClose().toLowerCase(java.util.Locale.ROOT);
                assertTrue(raw.contains("transfer-encoding: chunked"), raw);
                assertFalse(raw.contains("content-length"), raw);
                assertTrue(raw.contains("\r\n0\r\nx-checksum: abc\r\n\r\n"), raw);
                assertEquals(1, raw.split("transfer-encoding").length - 1, raw);
            }
        }
    }

    @Test
    void trailersOnHttp10AreRefused() throws IOException {
        Response r = exchange("GET /trailers HTTP/1.0\r\n\r\n");
        assertEquals("ISE", r.body());
    }

    @Test
    void permanentlyUnavailableServletAnswers404() throws IOException {
        assertEquals(404, get("/broken").status());
        assertEquals(404, get("/broken").status());
    }

    @Test
    void temporarilyUnavailableServletAnswers503WithRetryAfterAndRestsMeanwhile() throws IOException {
        Response first = get("/busy");
        assertEquals(503, first.status());
        assertEquals("30", first.header("retry-after"));
        Response second = get("/busy");
        assertEquals(503, second.status());
        assertEquals(1, temporaryFailures.get(), "the servlet is out of service for the period");
    }

    @Test
    void programmaticListenersGetARestrictedContextDeclaredOnesDoNot() {
        assertTrue(events.contains("programmatic listener: UOE"), events.toString());
        assertTrue(events.contains("programmatic listener reads attributes: true"), events.toString());
        assertTrue(events.contains("declared listener added a servlet"), events.toString());
        assertTrue(events.contains("declared listener: IAE"), events.toString());
    }

    @Test
    void contextHasATempDirAndRegistrationIsClosedBeforeClassLoading() throws IOException {
        assertEquals("tempdir=true addFilter=ISE", get("/context").body());
    }

    @Test
    void defaultServletIncludedAfterTheWriterWasTaken() throws IOException {
        assertEquals("[hello]", get("/include").body());
    }

    @Test
    void staticFileAfterAFilterWroteIsNotTruncated() throws IOException {
        assertEquals("filter:file body", get("/static/filtered.txt").body());
    }

    @Test
    void urlSessionTrackingRewritesUntilTheCookieComesBack() throws IOException {
        Response first = get("/link");
        String cookie = first.header("set-cookie");
        String id = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
        assertEquals("/a;jsessionid=" + id + "?x=1#f rel;jsessionid=" + id + " http://t/abs;jsessionid=" + id
                + " http://elsewhere/x mailto:me@t url=false cookie=false", first.body());
        Response byUrl = get("/link;jsessionid=" + id);
        assertNull(byUrl.header("set-cookie"), "the session was joined from the URL");
        assertTrue(byUrl.body().endsWith("url=true cookie=false"), byUrl.body());
        Response byCookie = exchange("GET /link HTTP/1.1\r\nHost: t\r\nCookie: JSESSIONID=" + id + "\r\n\r\n");
        assertEquals("/a?x=1#f rel http://t/abs http://elsewhere/x mailto:me@t url=false cookie=true",
                byCookie.body());
    }

    @Test
    void dispatchAfterAForwardKeepsTheForwardsParameters() throws IOException {
        assertEquals("ASYNC step=two", get("/fwd?step=one").body());
    }
}
