package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's request defects over real sockets: the form-size limit, parameters after a failed multipart parse,
 * lazy dispatch parameters, error pages keeping their status, TRACE, absolute-form authority, HTTP/1.x minor
 * versions, a Content-Length list, and a request whose chunked framing fails never reaching the servlet.
 */
class BadInputServletTest {

    static final AtomicInteger framingVictims = new AtomicInteger();
    static ServletTestServer server;

    /** Answers its parameters as {@code name=v1,v2;...}, sorted. */
    static final class ParamsServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            TreeMap<String, String> sorted = new TreeMap<>();
            req.getParameterMap().forEach((k, v) -> sorted.put(k, String.join(",", v)));
            resp.getWriter().print(sorted);
        }
    }

    /** Forwards to {@code /body} with the query of {@code ?to=}, without touching parameters itself. */
    static final class ForwardingServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            String query = req.getHeader("X-Forward-Query");
            req.getRequestDispatcher(query == null ? "/body" : "/body?" + query).forward(req, resp);
        }
    }

    /** Echoes the raw body, or the parameters when asked to. */
    static final class BodyServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getHeader("X-Params") != null) {
                resp.getWriter().print(String.join(",", req.getParameterValues("x")));
                return;
            }
            resp.getWriter().print("len=" + req.getContentLength() + " body="
                    + new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Like Spring's multipart resolver: a failed {@code getParts} becomes {@code sendError(413)}. */
    static final class UploadServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                req.getParts();
                resp.getWriter().print("ok");
            } catch (IllegalStateException | ServletException e) {
                resp.sendError(413, "too large");
            }
        }
    }

    /** An error page that reads parameters, as Boot's {@code /error} does. */
    static final class ErrorPageServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("error page: " + req.getAttribute("jakarta.servlet.error.status_code")
                    + " params=" + req.getParameterMap().keySet());
        }
    }

    /** Only GET: TRACE must not reach it. */
    static final class GetOnlyServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("host=" + req.getServerName() + " port=" + req.getServerPort() + " protocol="
                    + req.getProtocol() + " url=" + req.getRequestURL());
        }
    }

    /** Counts every run; a request whose framing failed must never count. */
    static final class CountingServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            framingVictims.incrementAndGet();
            req.getInputStream().readAllBytes();
        }
    }

    static void app(dev.pronto.servlet.WebAppBuilder app) {
        app.servlet("/params", new ParamsServlet())
                .servlet("/forward", new ForwardingServlet())
                .servlet("/body", new BodyServlet())
                .servlet("upload", new UploadServlet(), r -> {
                    r.addMapping("/upload");
                    r.setMultipartConfig(new MultipartConfigElement(null, 10, 100, 0));
                })
                .servlet("fields", new ParamsServlet(), r -> {
                    r.addMapping("/fields");
                    r.setMultipartConfig(new MultipartConfigElement(null, -1, -1, 0));
                })
                .servlet("/error-page", new ErrorPageServlet())
                .errorPage(413, "/error-page")
                .servlet("/get", new GetOnlyServlet())
                .servlet("/count", new CountingServlet());
    }

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(1).maxFormSize(64))
                .webapp(BadInputServletTest::app));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response exchange(String request) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port()).timeout(10_000)) {
            return c.send(request).read();
        }
    }

    private static String post(String path, String contentType, String body, String... headers) {
        return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n" + String.join("", headers) + "\r\n" + body;
    }

    @Test
    void formWithinTheLimitIsParsed() throws IOException {
        Response r = exchange(post("/params?q=1", "application/x-www-form-urlencoded", "a=1&b=2"));
        assertEquals(200, r.status());
        assertEquals("{a=1, b=2, q=1}", r.body());
    }

    @Test
    void declaredFormOverTheLimitIs413BeforeAnyOfItIsRead() throws IOException {
        // 256 MiB announced, a few bytes sent: refused from the Content-Length alone, nothing buffered
        Response r = exchange("POST /params HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 268435456\r\n\r\na=1&b=");
        assertEquals(413, r.status());
    }

    @Test
    void streamedFormOverTheLimitIs413() throws IOException {
        String chunk = "a=" + "x".repeat(40) + "&";
        String chunked = (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").repeat(3) + "0\r\n\r\n";
        Response r = exchange("POST /params HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);
        assertEquals(413, r.status());
        assertTrue(r.body().startsWith("error page: 413"), r.body());
    }

    @Test
    void multipartFailureKeeps413ThroughAnErrorPageThatReadsParameters() throws IOException {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\n"
                + "x".repeat(50) + "\r\n--" + boundary + "--\r\n";
        Response r = exchange(post("/upload?from=query", "multipart/form-data; boundary=" + boundary, body));
        assertEquals(413, r.status());
        assertEquals("error page: 413 params=[from]", r.body());
    }

    @Test
    void multipartFieldsWithinAndOverMaxFormSize() throws IOException {
        String boundary = "b0undary";
        String field = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n";
        Response small = exchange(post("/fields", "multipart/form-data; boundary=" + boundary,
                field + "x".repeat(10) + "\r\n--" + boundary + "--\r\n"));
        assertEquals("{f=xxxxxxxxxx}", small.body());
        Response large = exchange(post("/fields", "multipart/form-data; boundary=" + boundary,
                field + "x".repeat(65) + "\r\n--" + boundary + "--\r\n"));
        assertEquals(413, large.status());
        assertEquals("error page: 413 params=[]", large.body());
    }

    @Test
    void forwardWithoutQueryLeavesThePostBodyToTheTarget() throws IOException {
        Response r = exchange(post("/forward", "application/x-www-form-urlencoded", "x=1&y=2"));
        assertEquals("len=7 body=x=1&y=2", r.body());
    }

    @Test
    void forwardWithQueryMergesItFirst() throws IOException {
        Response r = exchange(post("/forward?x=1", "application/x-www-form-urlencoded", "x=3",
                "X-Forward-Query: x=2\r\n", "X-Params: yes\r\n"));
        assertEquals("2,1,3", r.body());
    }

    @Test
    void traceIsRefusedWith405AndAllow() throws IOException {
        Response r = exchange("TRACE /get HTTP/1.1\r\nHost: t\r\nCookie: secret=1\r\n\r\n");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("allow"));
        assertTrue(!r.body().contains("secret"), r.body());
    }

    @Test
    void traceReachesTheApplicationWhenAllowed() throws Exception {
        try (ServletTestServer tracing = ServletTestServer.start(Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(1).allowTrace(true))
                .webapp(BadInputServletTest::app));
             RawHttpConnection c = RawHttpConnection.open(tracing.port()).timeout(10_000)) {
            Response r = c.send("TRACE /get HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(200, r.status()); // HttpServlet.doTrace echoes the request
            assertTrue(r.body().startsWith("TRACE /get HTTP/1.1"), r.body());
        }
    }

    @Test
    void absoluteFormAuthorityWinsOverHost() throws IOException {
        Response r = exchange("GET http://example.com:8081/get HTTP/1.1\r\nHost: other.org\r\n\r\n");
        assertEquals(200, r.status());
        assertEquals("host=example.com port=8081 protocol=HTTP/1.1 url=http://example.com:8081/get", r.body());
    }

    @Test
    void higherMinorVersionsAreServedAsHttp11() throws IOException {
        Response r = exchange("GET /get HTTP/1.7\r\nHost: h\r\n\r\n");
        assertEquals(200, r.status());
        assertEquals("HTTP/1.1 200 OK", r.statusLine());
        assertEquals("host=h port=80 protocol=HTTP/1.1 url=http://h/get", r.body());
    }

    @Test
    void contentLengthListOfOneValueIsThatValue() throws IOException {
        Response r = exchange("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 11, 11\r\n\r\nhello world");
        assertEquals(200, r.status());
        assertEquals("len=11 body=hello world", r.body());
    }

    @Test
    void requestWithBrokenChunkNeverRunsTheServlet() throws Exception {
        try (ServletTestServer counted = ServletTestServer.start(app -> app.servlet("/count", new CountingServlet()));
             RawHttpConnection c = RawHttpConnection.open(counted.port()).timeout(10_000)) {
            Response r = c.send("POST /count HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").read();
            assertEquals(400, r.status());
            assertTrue(c.isClosedByServer());
            counted.server().stop(java.time.Duration.ofSeconds(5)); // whatever was queued has run by now
        }
        assertEquals(0, framingVictims.get());
    }

    @Test
    void brokenChunkAfterTheResponseClosesTheConnection() throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port()).timeout(10_000)) {
            Response notFound = c.send("POST /missing HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .read();
            assertEquals(404, notFound.status());
            c.send("zz\r\nabc\r\n0\r\n\r\nGET /get HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(c.isClosedByServer(), "the framing is lost: the connection must close");
        }
    }
}
