package dev.pronto.servlet.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** getParts, getPart and multipart parameters over real sockets (Servlet 6.1 §3.2). */
class MultipartRequestTest {

    private static final String BOUNDARY = "XyZzY42";

    @TempDir
    static Path uploads;

    private ServletTestServer server;

    /** Echoes parameters and parts; a limit failure is caught and answered with 413, as Spring does. */
    public static final class EchoServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            resp.setContentType("text/plain;charset=UTF-8");
            PrintWriter out = resp.getWriter();
            try {
                for (Part part : req.getParts()) {
                    out.print("part " + part.getName() + " file=" + part.getSubmittedFileName() + " size="
                            + part.getSize() + " type=" + part.getContentType() + " body=");
                    try (InputStream in = part.getInputStream()) {
                        out.println(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } catch (IllegalStateException e) {
                resp.resetBuffer();
                resp.setStatus(413);
                out.print("limit: " + e.getMessage());
                return;
            }
            TreeMap<String, String> params = new TreeMap<>();
            req.getParameterMap().forEach((k, v) -> params.put(k, Arrays.toString(v)));
            out.println("params " + params);
            out.print("tmpfiles " + countFiles());
        }
    }

    /** Reads parameters only, never the parts. */
    @MultipartConfig(location = "", fileSizeThreshold = 16)
    public static final class ParamsOnlyServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(req.getParameter("name") + "|" + req.getParameter("q") + "|"
                    + req.getParameter("file"));
        }
    }

    /** Lets the limit exception escape: the container answers 413. */
    public static final class UncaughtServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            resp.getWriter().print(req.getParts().size());
        }
    }

    /** Has no multipart config: getParts must throw IllegalStateException. */
    public static final class NoConfigServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            try {
                req.getParts();
                resp.getWriter().print("no exception");
            } catch (IllegalStateException | ServletException e) {
                resp.getWriter().print(e.getClass().getSimpleName() + ": " + req.getParameter("a"));
            }
        }
    }

    static long countFiles() throws IOException {
        try (Stream<Path> files = Files.list(uploads)) {
            return files.filter(p -> p.getFileName().toString().startsWith("pronto-part-")).count();
        }
    }

    @BeforeEach
    void start() throws Exception {
        MultipartConfigElement config = new MultipartConfigElement(uploads.toString(), 1000, 5000, 16);
        server = ServletTestServer.start(app -> app
                .servlet("echo", new EchoServlet(), reg -> {
                    reg.addMapping("/echo");
                    reg.setMultipartConfig(config);
                })
                .servlet("uncaught", new UncaughtServlet(), reg -> {
                    reg.addMapping("/uncaught");
                    reg.setMultipartConfig(config);
                })
                .annotated(ParamsOnlyServlet.class)
                .servlet("/params", ParamsOnlyServlet.class)
                .servlet("/noconfig", new NoConfigServlet()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String form(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            sb.append("--").append(BOUNDARY).append("\r\n").append(part).append("\r\n");
        }
        return sb.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void partsAndFieldsAsParametersThenTempFilesDeleted() throws Exception {
        String body = form("Content-Disposition: form-data; name=\"name\"\r\n\r\nJos\u00e9",
                "Content-Disposition: form-data; name=\"name\"\r\n\r\nAnn",
                "Content-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\na file bigger than sixteen bytes");
        try (RawHttpConnection c = server.connect()) {
            c.send(utf8(post("/echo?q=1", body)));
            Response r = c.read();
            assertEquals(200, r.status(), r.body());
            assertEquals("""
                    part name file=null size=5 type=null body=Jos\u00e9
                    part name file=null size=3 type=null body=Ann
                    part doc file=notes.txt size=32 type=text/plain body=a file bigger than sixteen bytes
                    params {name=[Jos\u00e9, Ann], q=[1]}
                    tmpfiles 1""", r.body());
            // the connection is still usable after a multipart request
            c.send(utf8(post("/echo", form("Content-Disposition: form-data; name=\"x\"\r\n\r\ny"))));
            assertTrue(c.read().body().contains("params {x=[y]}"));
        }
        awaitNoTempFiles();
    }

    @Test
    void parametersWithoutGetPartsAndFromAnnotation() throws Exception {
        String body = form("Content-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n\r\n"
                        + "x".repeat(100),
                "Content-Disposition: form-data; name=\"name\"\r\n\r\nvalue");
        Response r = server.exchange(post("/params?q=query", body));
        assertEquals("value|query|null", r.body(), "a file part is not a parameter");
    }

    @Test
    void fileBeyondMaxFileSizeIsAnIllegalStateExceptionSayingExceeded() throws Exception {
        String body = form("Content-Disposition: form-data; name=\"doc\"; filename=\"big\"\r\n\r\n" + "b".repeat(1001));
        Response r = server.exchange(post("/echo", body));
        assertEquals(413, r.status());
        assertEquals("limit: The part 'doc' exceeded the maximum file size of 1000 bytes (maxFileSize)", r.body());
        awaitNoTempFiles();
    }

    @Test
    void requestBeyondMaxRequestSizeIsRefusedBeforeReading() throws Exception {
        String body = form("Content-Disposition: form-data; name=\"a\"\r\n\r\n" + "a".repeat(900),
                "Content-Disposition: form-data; name=\"b\"\r\n\r\n" + "a".repeat(900),
                "Content-Disposition: form-data; name=\"c\"\r\n\r\n" + "a".repeat(900),
                "Content-Disposition: form-data; name=\"d\"\r\n\r\n" + "a".repeat(900),
                "Content-Disposition: form-data; name=\"e\"\r\n\r\n" + "a".repeat(900),
                "Content-Disposition: form-data; name=\"f\"\r\n\r\n" + "a".repeat(900));
        Response r = server.exchange(post("/echo", body));
        assertEquals(413, r.status());
        assertEquals("limit: The multipart request size exceeded the maximum of 5000 bytes (maxRequestSize)", r.body());
    }

    @Test
    void chunkedRequestBeyondMaxRequestSizeIsRefusedWhileStreaming() throws Exception {
        String body = form("Content-Disposition: form-data; name=\"doc\"; filename=\"d\"\r\n\r\n" + "c".repeat(900),
                "Content-Disposition: form-data; name=\"doc2\"; filename=\"d\"\r\n\r\n" + "c".repeat(900),
                "Content-Disposition: form-data; name=\"doc3\"; filename=\"d\"\r\n\r\n" + "c".repeat(900),
                "Content-Disposition: form-data; name=\"doc4\"; filename=\"d\"\r\n\r\n" + "c".repeat(900),
                "Content-Disposition: form-data; name=\"doc5\"; filename=\"d\"\r\n\r\n" + "c".repeat(900),
                "Content-Disposition: form-data; name=\"doc6\"; filename=\"d\"\r\n\r\n" + "c".repeat(900));
        String request = "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                + "\r\n0\r\n\r\n";
        Response r = server.exchange(request);
        assertEquals(413, r.status());
        assertTrue(r.body().contains("exceeded the maximum of 5000 bytes"), r.body());
        awaitNoTempFiles();
    }

    @Test
    void uncaughtLimitFailureIsAnswered413() throws Exception {
        String body = form("Content-Disposition: form-data; name=\"doc\"; filename=\"big\"\r\n\r\n" + "b".repeat(1001));
        assertEquals(413, server.exchange(post("/uncaught", body)).status());
        awaitNoTempFiles();
    }

    @Test
    void malformedBodyIsABadRequest() throws Exception {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end";
        assertEquals(400, server.exchange(post("/uncaught", body)).status());
    }

    @Test
    void servletWithoutMultipartConfigGetsIllegalStateAndNoParameters() throws Exception {
        String body = form("Content-Disposition: form-data; name=\"a\"\r\n\r\nb");
        assertEquals("IllegalStateException: null", server.exchange(post("/noconfig", body)).body());
    }

    @Test
    void notMultipartIsAServletException() throws Exception {
        Response r = server.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\n\r\nhi");
        assertEquals(500, r.status(), "ServletException from getParts, uncaught by EchoServlet");
    }

    @Test
    void aListenerReadingParametersBeforeTheServletIsMappedDoesNotHideTheConfig() throws Exception {
        MultipartConfigElement config = new MultipartConfigElement(uploads.toString(), -1, -1, 0);
        try (ServletTestServer early = ServletTestServer.start(app -> app
                .listener(new jakarta.servlet.ServletRequestListener() {
                    @Override
                    public void requestInitialized(jakarta.servlet.ServletRequestEvent event) {
                        event.getServletRequest().getParameter("q");
                    }
                })
                .servlet("echo", new EchoServlet(), reg -> {
                    reg.addMapping("/echo");
                    reg.setMultipartConfig(config);
                }))) {
            String body = form("Content-Disposition: form-data; name=\"doc\"; filename=\"d\"\r\n\r\nabc");
            Response r = early.exchange(post("/echo?q=1", body));
            assertTrue(r.body().startsWith("part doc file=d size=3 type=null body=abc\n"), r.body());
        }
        awaitNoTempFiles();
    }

    private static void awaitNoTempFiles() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (countFiles() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, countFiles(), "temporary part files are deleted when the request ends");
    }
}
