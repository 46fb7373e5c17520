package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The buffered {@code HttpServletResponse} over raw sockets: framing, headers, charset rules, errors, redirects. */
class ResponseServletTest {

    /** One behaviour per path. */
    static final class BehaviourServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            switch (req.getPathInfo()) {
                case "/small" -> resp.getWriter().print("small body");
                case "/large" -> {
                    OutputStream out = resp.getOutputStream();
                    byte[] block = new byte[1000];
                    java.util.Arrays.fill(block, (byte) 'x');
                    for (int i = 0; i < 20; i++) {
                        out.write(block);
                    }
                }
                case "/declared" -> {
                    resp.setContentLength(20_000);
                    byte[] block = new byte[20_000];
                    resp.getOutputStream().write(block);
                }
                case "/charset" -> {
                    resp.setContentType("text/plain");
                    resp.setCharacterEncoding("UTF-8");
                    resp.getWriter().print("€");
                    resp.setCharacterEncoding("ISO-8859-1"); // §5.6: too late, the writer was obtained
                }
                case "/locale" -> {
                    resp.setContentType("text/html");
                    resp.setLocale(Locale.JAPANESE);
                    resp.getWriter().print("x");
                }
                case "/exclusive" -> {
                    resp.getOutputStream();
                    try {
                        resp.getWriter();
                        resp.setHeader("X-Result", "allowed");
                    } catch (IllegalStateException e) {
                        resp.setHeader("X-Result", "refused");
                    }
                }
                case "/headers" -> {
                    resp.setDateHeader("X-Date", 784111777000L);
                    resp.addIntHeader("X-Int", 1);
                    resp.addIntHeader("X-Int", 2);
                    resp.setHeader("X-Gone", "soon");
                    resp.setHeader("X-Gone", null);
                    resp.addHeader("X-Kept", "yes");
                    resp.setHeader("X-Contains", String.valueOf(resp.containsHeader("x-kept")));
                }
                case "/cookie" -> {
                    Cookie cookie = new Cookie("pref", "dark");
                    cookie.setPath("/");
                    cookie.setMaxAge(3600);
                    cookie.setHttpOnly(true);
                    cookie.setSecure(true);
                    cookie.setAttribute("SameSite", "Strict");
                    resp.addCookie(cookie);
                }
                case "/error" -> {
                    resp.getWriter().print("lost");
                    resp.sendError(418, "<script>teapot</script>");
                    resp.getWriter().print("also lost");
                }
                case "/throw" -> {
                    resp.getWriter().print("partial output");
                    throw new IllegalStateException("secret internals");
                }
                case "/redirect" -> resp.sendRedirect("next?a=1");
                case "/redirect-abs" -> resp.sendRedirect("/elsewhere");
                case "/reset" -> {
                    resp.setHeader("X-Before", "1");
                    resp.setStatus(500);
                    resp.getWriter().print("discarded");
                    resp.reset();
                    resp.getWriter().print("after reset");
                }
                case "/flush" -> {
                    resp.getWriter().print("early");
                    resp.flushBuffer();
                    resp.setHeader("X-Late", "ignored");
                    resp.setHeader("X-Committed", String.valueOf(resp.isCommitted()));
                    resp.getWriter().print(" late");
                }
                case "/trailers" -> {
                    resp.setTrailerFields(() -> Map.of("x-checksum", "abc"));
                    resp.getWriter().print("part1");
                    resp.flushBuffer();
                    resp.getWriter().print("part2");
                }
                case "/small-trailers" -> {
                    resp.setTrailerFields(() -> Map.of("x-checksum", "small"));
                    resp.getWriter().print("fits in the buffer");
                }
                case "/status" -> {
                    resp.setStatus(201);
                    resp.getWriter().print("created");
                }
                default -> resp.sendError(404);
            }
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app.servlet("/r/*", new BehaviourServlet())
                .localeCharset("ja", "Shift_JIS"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response get(String path) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            return c.read();
        }
    }

    @Test
    void bodyThatFitsTheBufferIsSentWithContentLength() throws IOException {
        Response r = get("/r/small");
        assertEquals("10", r.header("content-length"));
        assertNull(r.header("transfer-encoding"));
        assertEquals("small body", r.body());
    }

    @Test
    void bodyLargerThanTheBufferIsChunked() throws IOException {
        Response r = get("/r/large");
        assertEquals("chunked", r.header("transfer-encoding"));
        assertEquals(20_000, r.body().length());
    }

    @Test
    void declaredContentLengthIsHonouredEvenWhenLarge() throws IOException {
        Response r = get("/r/declared");
        assertEquals("20000", r.header("content-length"));
        assertNull(r.header("transfer-encoding"));
        assertEquals(20_000, r.body().length());
    }

    @Test
    void charsetRulesOfTheSpec() throws IOException {
        Response r = get("/r/charset");
        assertEquals("text/plain;charset=UTF-8", r.header("content-type"));
        assertEquals("€", r.body());
        Response locale = get("/r/locale");
        assertEquals("text/html;charset=Shift_JIS", locale.header("content-type"));
        assertEquals("ja", locale.header("content-language"));
    }

    @Test
    void outputStreamAndWriterAreExclusive() throws IOException {
        assertEquals("refused", get("/r/exclusive").header("x-result"));
    }

    @Test
    void headerForms() throws IOException {
        Response r = get("/r/headers");
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", r.header("x-date"));
        assertEquals("1, 2", r.header("x-int"));
        assertNull(r.header("x-gone"));
        assertEquals("true", r.header("x-contains"));
    }

    @Test
    void cookieAttributesIncludingSameSite() throws IOException {
        String cookie = get("/r/cookie").header("set-cookie");
        assertTrue(cookie.startsWith("pref=dark"), cookie);
        for (String attribute : new String[] {"Max-Age=3600", "Path=/", "Secure", "HttpOnly", "SameSite=Strict",
                "Expires="}) {
            assertTrue(cookie.contains(attribute), cookie + " lacks " + attribute);
        }
    }

    @Test
    void sendErrorDiscardsOutputAndShowsTheDefaultPageWithoutEchoingTheMessage() throws IOException {
        Response r = get("/r/error");
        assertEquals(418, r.status());
        assertFalse(r.body().contains("lost"));
        assertFalse(r.body().contains("<script>"), "the message is not reflected");
        assertTrue(r.body().contains("418"));
    }

    @Test
    void exceptionBecomes500WithoutStackTrace() throws IOException {
        Response r = get("/r/throw");
        assertEquals(500, r.status());
        assertFalse(r.body().contains("secret internals"));
        assertFalse(r.body().contains("partial output"), "buffered output is dropped before the error page");
        assertFalse(r.body().contains("at dev.pronto"));
    }

    @Test
    void redirectsAreMadeAbsolute() throws IOException {
        Response relative = get("/r/redirect");
        assertEquals(302, relative.status());
        assertEquals("http://localhost/r/next?a=1", relative.header("location"));
        assertEquals("http://localhost/elsewhere", get("/r/redirect-abs").header("location"));
    }

    @Test
    void resetClearsStatusHeadersAndBody() throws IOException {
        Response r = get("/r/reset");
        assertEquals(200, r.status());
        assertNull(r.header("x-before"));
        assertEquals("after reset", r.body());
    }

    @Test
    void flushBufferCommitsAndLaterHeadersAreIgnored() throws IOException {
        Response r = get("/r/flush");
        assertEquals("early late", r.body());
        assertNull(r.header("x-late"));
        assertNull(r.header("x-committed"));
    }

    @Test
    void trailerFieldsOnAChunkedResponse() throws IOException {
        Response r = get("/r/trailers");
        assertEquals("part1part2", r.body());
        assertEquals("abc", r.trailers().get("x-checksum"));
    }

    @Test
    void trailerFieldsMakeEvenASmallBodyChunked() throws IOException {
        Response r = get("/r/small-trailers");
        assertEquals("fits in the buffer", r.body());
        assertEquals("chunked", r.header("transfer-encoding"));
        assertEquals("small", r.trailers().get("x-checksum"));
    }

    @Test
    void statusIsSent() throws IOException {
        Response r = get("/r/status");
        assertEquals(201, r.status());
        assertEquals("created", r.body());
    }

    @Test
    void headRequestGetsHeadersButNoBody() throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("HEAD /r/small HTTP/1.1\r\nHost: localhost\r\n\r\nGET /r/status HTTP/1.1\r\nHost: localhost\r\n\r\n");
            Response head = c.read(true);
            assertEquals(200, head.status());
            assertEquals("201", String.valueOf(c.read().status()), "no stray body bytes between the responses");
        }
    }
}
