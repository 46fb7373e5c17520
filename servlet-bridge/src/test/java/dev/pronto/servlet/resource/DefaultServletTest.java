package dev.pronto.servlet.resource;

import dev.pronto.testing.OnEachTransport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.Transport;
import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.http.HttpDates;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default servlet over raw sockets: validators, conditions, ranges, welcome files, methods, traversal. */
class DefaultServletTest {

    private static final String HELLO = "Hello, static world!\n";
    private static final Instant MODIFIED = Instant.parse("2025-03-01T10:15:30Z");
    private static final String MODIFIED_DATE = "Sat, 01 Mar 2025 10:15:30 GMT";
    private static final byte[] BIG = new byte[24 * 1024 * 1024 + 17];

    @TempDir
    static Path root;
    static Path base;
    static ServletTestServer server;
    static String etag;
    static final AtomicBoolean bigServletReturned = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        new Random(7).nextBytes(BIG);
        base = Files.createDirectories(root.resolve("base"));
        Files.writeString(base.resolve("hello.txt"), HELLO);
        Files.setLastModifiedTime(base.resolve("hello.txt"), FileTime.from(MODIFIED));
        Files.writeString(base.resolve("index.html"), "<h1>root</h1>");
        Files.writeString(base.resolve("404.html"), "custom not found");
        Files.createDirectories(base.resolve("sub"));
        Files.writeString(base.resolve("sub/index.html"), "<h1>sub</h1>");
        Files.createDirectories(base.resolve("empty-dir"));
        Files.createDirectories(base.resolve("WEB-INF"));
        Files.writeString(base.resolve("WEB-INF/secret.txt"), "SECRET");
        Files.write(base.resolve("big.bin"), BIG);
        Files.write(base.resolve("unknown.zzz"), new byte[] {1, 2, 3});
        Files.writeString(root.resolve("outside.txt"), "OUTSIDE");
        Files.createSymbolicLink(base.resolve("escape.txt"), root.resolve("outside.txt"));
        Files.createSymbolicLink(base.resolve("escape-dir"), root);
        Files.createSymbolicLink(base.resolve("inside.txt"), base.resolve("hello.txt"));
        etag = EntityTags.of(HELLO.length(), MODIFIED.toEpochMilli());
        server = ServletTestServer.start(app -> app.resources(base).errorPage(404, "/404.html"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response get(String target, String... headers) throws IOException {
        return server.exchange(request("GET", target, headers));
    }

    private static String request(String method, String target, String... headers) {
        return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "\r\n";
    }

    @Test
    void getSendsTheFileWithTypeLengthAndValidators() throws IOException {
        Response r = get("/hello.txt");
        assertEquals(200, r.status());
        assertEquals(HELLO, r.body());
        assertEquals("text/plain", r.header("content-type"));
        assertEquals(Integer.toString(HELLO.length()), r.header("content-length"));
        assertEquals(etag, r.header("etag"));
        assertTrue(etag.matches("\"[0-9a-f]+-[0-9a-f]+\""), "a strong tag: " + etag);
        assertEquals(MODIFIED_DATE, r.header("last-modified"));
        assertEquals("bytes", r.header("accept-ranges"));
        assertNull(r.header("transfer-encoding"));
    }

    @Test
    void unknownExtensionIsOctetStream() throws IOException {
        assertEquals("application/octet-stream", get("/unknown.zzz").header("content-type"));
    }

    @Test
    void headHasTheHeadersAndNoBodyAndTheConnectionGoesOn() throws IOException {
        try (RawHttpConnection c = server.connect()) {
            c.send(request("HEAD", "/hello.txt"));
            Response head = c.read(true);
            assertEquals(200, head.status());
            assertEquals(Integer.toString(HELLO.length()), head.header("content-length"));
            assertEquals(etag, head.header("etag"));
            c.send(request("HEAD", "/big.bin"));
            assertEquals(Integer.toString(BIG.length), c.read(true).header("content-length"));
            c.send(request("GET", "/hello.txt"));
            assertEquals(HELLO, c.read().body(), "nothing of a HEAD body was on the wire");
        }
    }

    @Test
    void ifNoneMatchGives304() throws IOException {
        Response r = get("/hello.txt", "If-None-Match: " + etag + "\r\n");
        assertEquals(304, r.status());
        assertEquals("", r.body());
        assertEquals(etag, r.header("etag"));
        assertEquals(304, get("/hello.txt", "If-None-Match: \"x\", W/" + etag + "\r\n").status(), "weak comparison");
        assertEquals(304, get("/hello.txt", "If-None-Match: *\r\n").status());
        assertEquals(200, get("/hello.txt", "If-None-Match: \"other\"\r\n").status());
    }

    @Test
    void ifModifiedSinceGives304UnlessIfNoneMatchIsThere() throws IOException {
        assertEquals(304, get("/hello.txt", "If-Modified-Since: " + MODIFIED_DATE + "\r\n").status());
        assertEquals(304, get("/hello.txt", "If-Modified-Since: Sun, 01 Jun 2025 00:00:00 GMT\r\n").status());
        assertEquals(200, get("/hello.txt", "If-Modified-Since: Fri, 28 Feb 2025 23:59:59 GMT\r\n").status());
        assertEquals(200, get("/hello.txt", "If-Modified-Since: yesterday\r\n").status(), "an invalid date");
        // RFC 9110 §13.2.2: If-None-Match is evaluated instead of If-Modified-Since
        assertEquals(200, get("/hello.txt", "If-None-Match: \"other\"\r\nIf-Modified-Since: " + MODIFIED_DATE
                + "\r\n").status());
    }

    @Test
    void ifMatchAndIfUnmodifiedSinceGive412() throws IOException {
        assertEquals(412, get("/hello.txt", "If-Match: \"other\"\r\n").status());
        assertEquals(412, get("/hello.txt", "If-Match: W/" + etag + "\r\n").status(), "strong comparison");
        assertEquals(200, get("/hello.txt", "If-Match: " + etag + "\r\n").status());
        assertEquals(200, get("/hello.txt", "If-Match: *\r\n").status());
        assertEquals(412, get("/hello.txt", "If-Unmodified-Since: Fri, 28 Feb 2025 00:00:00 GMT\r\n").status());
        assertEquals(200, get("/hello.txt", "If-Unmodified-Since: " + MODIFIED_DATE + "\r\n").status());
        // §13.2.2: If-Match first, If-Unmodified-Since only without it; 412 comes before 304
        assertEquals(200, get("/hello.txt", "If-Match: " + etag + "\r\nIf-Unmodified-Since: Fri, 28 Feb 2025 "
                + "00:00:00 GMT\r\n").status());
        assertEquals(412, get("/hello.txt", "If-Match: \"other\"\r\nIf-None-Match: " + etag + "\r\n").status());
    }

    @Test
    void singleRangeIs206WithContentRange() throws IOException {
        Response r = get("/hello.txt", "Range: bytes=0-4\r\n");
        assertEquals(206, r.status());
        assertEquals("Hello", r.body());
        assertEquals("bytes 0-4/" + HELLO.length(), r.header("content-range"));
        assertEquals("5", r.header("content-length"));
        assertEquals("world!\n", get("/hello.txt", "Range: bytes=-7\r\n").body());
        assertEquals("static world!\n", get("/hello.txt", "Range: bytes=7-\r\n").body());
    }

    @Test
    void unsatisfiableRangeIs416WithTheLength() throws IOException {
        Response r = get("/hello.txt", "Range: bytes=100-200\r\n");
        assertEquals(416, r.status());
        assertEquals("bytes */" + HELLO.length(), r.header("content-range"));
    }

    @Test
    void invalidRangeHeadAndFailingIfRangeSendEverything() throws IOException {
        assertEquals(HELLO, get("/hello.txt", "Range: bytes=5-2\r\n").body());
        assertEquals(200, get("/hello.txt", "Range: bytes=0-4\r\nIf-Range: \"old\"\r\n").status());
        assertEquals(200, get("/hello.txt", "Range: bytes=0-4\r\nIf-Range: W/" + etag + "\r\n").status());
        assertEquals(200, get("/hello.txt", "Range: bytes=0-4\r\nIf-Range: Sat, 01 Mar 2025 10:15:31 GMT\r\n")
                .status(), "If-Range dates must match exactly");
        assertEquals(206, get("/hello.txt", "Range: bytes=0-4\r\nIf-Range: " + etag + "\r\n").status());
        assertEquals(206, get("/hello.txt", "Range: bytes=0-4\r\nIf-Range: " + MODIFIED_DATE + "\r\n").status());
        try (RawHttpConnection c = server.connect()) {
            c.send(request("HEAD", "/hello.txt", "Range: bytes=0-4\r\n"));
            Response head = c.read(true);
            assertEquals(200, head.status(), "RFC 9110 §14.2: Range is for GET only");
            assertEquals(Integer.toString(HELLO.length()), head.header("content-length"));
        }
    }

    @Test
    void severalRangesAreMultipartByteranges() throws IOException {
        Response r = get("/hello.txt", "Range: bytes=0-4,-7\r\n");
        assertEquals(206, r.status());
        String type = r.header("content-type");
        assertTrue(type.startsWith("multipart/byteranges;boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        int length = HELLO.length();
        assertEquals("--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-4/" + length
                + "\r\n\r\nHello\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes "
                + (length - 7) + "-" + (length - 1) + "/" + length + "\r\n\r\nworld!\n\r\n--" + boundary + "--\r\n",
                r.body());
        assertEquals(Integer.toString(r.body().length()), r.header("content-length"));
    }

    @Test
    void welcomeFilesAndTheDirectoryRedirect() throws IOException {
        assertEquals("<h1>root</h1>", get("/").body());
        assertEquals("<h1>sub</h1>", get("/sub/").body());
        Response redirect = get("/sub?x=1");
        assertEquals(302, redirect.status());
        assertEquals("http://localhost/sub/?x=1", redirect.header("location"));
        Response listing = get("/empty-dir/");
        assertEquals(404, listing.status(), "no directory listing");
        assertEquals("custom not found", listing.body(), "the error page is itself a static file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAre405WithAllow(String method) throws IOException {
        Response r = server.exchange(method + " /hello.txt HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
        assertEquals(405, r.status());
        assertEquals("GET, HEAD", r.header("allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../outside.txt", "/%2e%2e/outside.txt", "/sub/%2E%2E/%2e%2e/outside.txt",
        "/..%2foutside.txt", "/%2f..%2foutside.txt", "/hello.txt%00", "/hello.txt%00.html", "/sub/..\\..\\outside.txt",
        "/%5c..%5coutside.txt"})
    void traversalAttemptsAreRejected(String target) throws IOException {
        Response r = get(target);
        assertEquals(400, r.status(), target);
        assertFalse(r.body().contains("OUTSIDE"), target);
    }

    @Test
    void symlinksOutOfTheBaseAndWebInfAreNotFound() throws IOException {
        Response escape = get("/escape.txt");
        assertEquals(404, escape.status());
        assertFalse(escape.body().contains("OUTSIDE"));
        assertEquals(404, get("/escape-dir/outside.txt").status());
        assertEquals(404, get("/WEB-INF/secret.txt").status());
        assertEquals(404, get("/web-inf/secret.txt").status());
        assertEquals(HELLO, get("/inside.txt").body(), "a link that stays inside is served");
    }

    @OnEachTransport
    void largeFileIsSentZeroCopyByteExact(Transport transport) throws Exception {
        try (ServletTestServer s = ServletTestServer.start(transport, app -> app.resources(base)
                .filter("/big.bin", (Filter) (req, resp, chain) -> {
                    chain.doFilter(req, resp);
                    bigServletReturned.set(true);
                }));
             RawHttpConnection c = s.connect()) {
            bigServletReturned.set(false);
            c.send(request("GET", "/big.bin"));
            // The file region is handed to the connection: the servlet returns while the client has read nothing.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!bigServletReturned.get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(bigServletReturned.get(), "zero-copy: the servlet returned while the client had read nothing");
            assertArrayEquals(BIG, readBinary(c, BIG.length));
            c.send(request("GET", "/big.bin", "Range: bytes=1000-1999\r\n"));
            byte[] range = readBinary(c, 1000);
            assertArrayEquals(java.util.Arrays.copyOfRange(BIG, 1000, 2000), range);
        }
    }

    @Test
    void aWrappedResponseIsStreamedThroughTheWrapper() throws Exception {
        AtomicBoolean wrapped = new AtomicBoolean();
        try (ServletTestServer s = ServletTestServer.start(app -> app.resources(base)
                .filter("/*", (Filter) (req, resp, chain) -> {
                    wrapped.set(true);
                    chain.doFilter(req, new HttpServletResponseWrapper((HttpServletResponse) resp));
                }));
             RawHttpConnection c = s.connect()) {
            c.send(request("GET", "/big.bin"));
            assertArrayEquals(BIG, readBinary(c, BIG.length));
            assertTrue(wrapped.get());
        }
    }

    /** Reads one response whose body is {@code length} binary bytes with a Content-Length. */
    private static byte[] readBinary(RawHttpConnection c, int length) throws IOException {
        InputStream in = c.inputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        assertTrue(text.contains("content-length: " + length + "\r\n"), text);
        assertFalse(text.contains("transfer-encoding"), text);
        return in.readNBytes(length);
    }

    @Test
    void httpDateOfTheFixture() {
        assertEquals(MODIFIED_DATE, HttpDates.format(MODIFIED.toEpochMilli()));
    }
}
