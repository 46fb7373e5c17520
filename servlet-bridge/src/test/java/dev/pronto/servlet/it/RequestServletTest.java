package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lazy {@code HttpServletRequest} over real sockets: everything a servlet reads from the request. */
class RequestServletTest {

    static final List<String> events = new CopyOnWriteArrayList<>();

    /** Prints one {@code key=value} line per request property. */
    static final class DumpServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            PrintWriter out = resp.getWriter();
            Map<String, String> v = new TreeMap<>();
            v.put("method", req.getMethod());
            v.put("uri", req.getRequestURI());
            v.put("url", req.getRequestURL().toString());
            v.put("query", String.valueOf(req.getQueryString()));
            v.put("protocol", req.getProtocol());
            v.put("scheme", req.getScheme());
            v.put("serverName", req.getServerName());
            v.put("serverPort", String.valueOf(req.getServerPort()));
            v.put("remoteAddr", req.getRemoteAddr());
            v.put("remoteHost", req.getRemoteHost());
            v.put("localAddr", req.getLocalAddr());
            v.put("secure", String.valueOf(req.isSecure()));
            v.put("params", paramString(req));
            v.put("headerX", String.valueOf(Collections.list(req.getHeaders("X-Multi"))));
            v.put("intHeader", String.valueOf(req.getIntHeader("X-Int")));
            v.put("missingInt", String.valueOf(req.getIntHeader("X-None")));
            v.put("date", String.valueOf(req.getDateHeader("If-Modified-Since")));
            v.put("cookies", cookieString(req.getCookies()));
            v.put("locale", req.getLocale().toLanguageTag());
            v.put("locales", String.valueOf(Collections.list(req.getLocales())));
            v.put("encoding", String.valueOf(req.getCharacterEncoding()));
            v.put("contentLength", String.valueOf(req.getContentLengthLong()));
            v.put("requestId", String.valueOf(!req.getRequestId().isEmpty()));
            v.put("connection", req.getServletConnection().getProtocol());
            v.put("dispatcher", req.getDispatcherType().name());
            req.setAttribute("a", 1);
            req.setAttribute("a", 2);
            req.removeAttribute("a");
            v.forEach((key, value) -> out.println(key + "=" + value));
        }

        private static String paramString(HttpServletRequest req) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
                parts.add(e.getKey() + ":" + String.join(",", e.getValue()));
            }
            return String.join(";", parts);
        }

        private static String cookieString(Cookie[] cookies) {
            if (cookies == null) {
                return "none";
            }
            List<String> parts = new ArrayList<>();
            for (Cookie c : cookies) {
                parts.add(c.getName() + ":" + c.getValue());
            }
            return String.join(";", parts);
        }
    }

    /** Reads the body with the stream or the reader, then tries the other one. */
    static final class BodyServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String body;
            String other;
            if (req.getParameter("reader") != null) {
                body = req.getReader().lines().reduce("", (a, b) -> a + b);
                other = attempt(() -> req.getInputStream());
            } else {
                body = new String(req.getInputStream().readAllBytes(), req.getCharacterEncoding() == null
                        ? java.nio.charset.StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(req.getCharacterEncoding()));
                other = attempt(() -> req.getReader());
            }
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().print(body + "|" + other + "|" + req.isTrailerFieldsReady());
        }

        interface Call {
            Object run() throws IOException;
        }

        private static String attempt(Call call) {
            try {
                call.run();
                return "allowed";
            } catch (IllegalStateException | IOException e) {
                return "refused";
            }
        }
    }

    /** Records request and attribute listener events. */
    static final class RecordingListener implements ServletRequestListener, ServletRequestAttributeListener {
        @Override
        public void requestInitialized(ServletRequestEvent sre) {
            events.add("init");
        }

        @Override
        public void requestDestroyed(ServletRequestEvent sre) {
            events.add("destroyed");
        }

        @Override
        public void attributeAdded(ServletRequestAttributeEvent e) {
            events.add("added:" + e.getName() + "=" + e.getValue());
        }

        @Override
        public void attributeReplaced(ServletRequestAttributeEvent e) {
            events.add("replaced:" + e.getName() + "=" + e.getValue());
        }

        @Override
        public void attributeRemoved(ServletRequestAttributeEvent e) {
            events.add("removed:" + e.getName() + "=" + e.getValue());
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app.servlet("/dump/*", new DumpServlet())
                .servlet("/body", new BodyServlet()).listener(new RecordingListener()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> dump(String raw) {
        Map<String, String> map = new TreeMap<>();
        for (String line : raw.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return map;
    }

    @Test
    void requestLineHeadersHostAndAddresses() throws Exception {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET /dump/a%20b?x=1&y=%C3%A9&x=2 HTTP/1.1\r\nHost: example.com:8443\r\nX-Multi: one\r\n"
                    + "X-Multi: two\r\nX-Int: 42\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                    + "Cookie: a=1; b=\"two\"\r\nAccept-Language: da, en-GB;q=0.8, en;q=0.7\r\n\r\n");
            Map<String, String> v = dump(c.read().body());
            assertEquals("GET", v.get("method"));
            assertEquals("/dump/a%20b", v.get("uri"), "getRequestURI is not decoded");
            assertEquals("http://example.com:8443/dump/a%20b", v.get("url"));
            assertEquals("x=1&y=%C3%A9&x=2", v.get("query"));
            assertEquals("HTTP/1.1", v.get("protocol"));
            assertEquals("example.com", v.get("serverName"));
            assertEquals("8443", v.get("serverPort"));
            assertEquals("127.0.0.1", v.get("remoteAddr"));
            assertEquals("127.0.0.1", v.get("remoteHost"), "no reverse DNS");
            assertEquals("false", v.get("secure"));
            assertEquals("x:1,2;y:é", v.get("params"));
            assertEquals("[one, two]", v.get("headerX"));
            assertEquals("42", v.get("intHeader"));
            assertEquals("-1", v.get("missingInt"));
            assertEquals("784111777000", v.get("date"));
            assertEquals("a:1;b:\"two\"", v.get("cookies")); // quotes are part of the value, as in Tomcat
            assertEquals("da", v.get("locale"));
            assertEquals("[da, en_GB, en]", v.get("locales"));
            assertEquals("true", v.get("requestId"));
            assertEquals("http/1.1", v.get("connection"));
            assertEquals("REQUEST", v.get("dispatcher"));
            assertEquals("-1", v.get("contentLength"));
        }
    }

    @Test
    void hostWithoutPortMeansPort80AndIpv6HostsKeepBrackets() throws Exception {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET /dump HTTP/1.1\r\nHost: example.com\r\n\r\nGET /dump HTTP/1.1\r\nHost: [::1]:9000\r\n\r\n");
            Map<String, String> v = dump(c.read().body());
            assertEquals("80", v.get("serverPort"));
            assertEquals("http://example.com/dump", v.get("url"));
            Map<String, String> v6 = dump(c.read().body());
            assertEquals("[::1]", v6.get("serverName"));
            assertEquals("9000", v6.get("serverPort"));
        }
    }

    @Test
    void formParametersComeFromTheBodyAfterTheQuery() throws Exception {
        var response = server.send(server.request("/dump?a=q")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("a=body&b=%E2%82%AC+x")));
        Map<String, String> v = dump(response.body());
        assertEquals("a:q,body;b:€ x", v.get("params"));
        assertEquals("UTF-8", v.get("encoding"));
        assertEquals("20", v.get("contentLength"));
    }

    @Test
    void streamAndReaderAreExclusiveAndHonourTheCharset() throws Exception {
        var stream = server.send(server.request("/body").POST(HttpRequest.BodyPublishers.ofString("héllo")));
        assertEquals("héllo|refused|true", stream.body());
        var reader = server.send(server.request("/body?reader=1")
                .header("Content-Type", "text/plain; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xE9, 't', (byte) 0xE9})));
        assertEquals("été|refused|true", reader.body());
    }

    @Test
    void requestAndAttributeListenersSeeEachRequest() throws Exception {
        events.clear();
        assertEquals(200, server.get("/dump").statusCode());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!events.contains("destroyed") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of("init", "added:a=1", "replaced:a=1", "removed:a=2", "destroyed"), events);
    }

    @Test
    void missingHostGivesTheLocalAddress() throws Exception {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET /dump HTTP/1.0\r\n\r\n");
            Map<String, String> v = dump(c.read().body());
            assertEquals("127.0.0.1", v.get("serverName"));
            assertEquals(String.valueOf(server.port()), v.get("serverPort"));
            assertFalse(v.get("url").isEmpty());
            assertTrue(c.isClosedByServer());
        }
    }
}
