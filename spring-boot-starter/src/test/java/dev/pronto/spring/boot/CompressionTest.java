package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.Compression;
import org.springframework.util.unit.DataSize;

/** {@code server.compression.*}: gzip by media type, size, Accept-Encoding and user agent, as Tomcat decides. */
class CompressionTest extends FactoryTestSupport {

    private static final String BIG = "Pronto compresses this line. ".repeat(200); // ~5.8 KB

    private void enable(Compression compression) {
        compression.setEnabled(true);
        factory.setCompression(compression);
    }

    private void startWith(String contentType, String body) {
        start(servlet("/body", new Body(contentType, body, false, -1)));
    }

    private HttpResponse<byte[]> gzipGet(String path) throws Exception {
        return getBytes(path, "Accept-Encoding", "gzip");
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void offByDefault() throws Exception {
        startWith("text/plain", BIG);
        HttpResponse<byte[]> response = gzipGet("/body");
        assertEquals(null, header(response, "Content-Encoding"));
        assertEquals(BIG, new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void largeResponseOfACompressibleTypeIsGzipped() throws Exception {
        enable(new Compression());
        startWith("text/plain;charset=UTF-8", BIG);
        HttpResponse<byte[]> response = gzipGet("/body");
        assertEquals("gzip", header(response, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(response, "Vary"));
        assertTrue(response.body().length < BIG.length() / 4);
        assertEquals(BIG, gunzip(response.body()));
    }

    @Test
    void bodyBelowMinResponseSizeIsSentAsIs() throws Exception {
        enable(new Compression());
        startWith("text/plain", "small");
        HttpResponse<byte[]> response = gzipGet("/body");
        assertEquals(null, header(response, "Content-Encoding"));
        assertEquals("5", header(response, "Content-Length"));
        assertEquals("small", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void flushedBodyOfUnknownLengthIsGzippedWhateverItsSize() throws Exception {
        enable(new Compression());
        start(servlet("/body", new Body("application/json", "{\"a\":1}", true, -1)));
        HttpResponse<byte[]> response = gzipGet("/body");
        assertEquals("gzip", header(response, "Content-Encoding"));
        assertEquals("{\"a\":1}", gunzip(response.body()));
    }

    @Test
    void declaredLengthDecidesAndIsReplaced() throws Exception {
        enable(new Compression());
        start(servlet("/big", new Body("text/html", BIG, false, BIG.length())),
                servlet("/small", new Body("text/html", "tiny", false, 4)));
        HttpResponse<byte[]> big = gzipGet("/big");
        assertEquals("gzip", header(big, "Content-Encoding"));
        assertFalse(String.valueOf(BIG.length()).equals(header(big, "Content-Length")));
        assertEquals(BIG, gunzip(big.body()));
        HttpResponse<byte[]> small = gzipGet("/small");
        assertEquals(null, header(small, "Content-Encoding"));
        assertEquals("4", header(small, "Content-Length"));
    }

    @Test
    void otherMediaTypesAreNotCompressed() throws Exception {
        enable(new Compression());
        startWith("image/png", BIG);
        HttpResponse<byte[]> response = gzipGet("/body");
        assertEquals(null, header(response, "Content-Encoding"));
        assertEquals(null, header(response, "Vary"));
    }

    @Test
    void configuredMimeTypesAndMinimumSize() throws Exception {
        Compression compression = new Compression();
        compression.setMimeTypes(new String[] {"application/x-custom"});
        compression.setMinResponseSize(DataSize.ofBytes(10));
        enable(compression);
        start(servlet("/custom", new Body("application/x-custom", "0123456789abcdef", false, -1)),
                servlet("/html", new Body("text/html", BIG, false, -1)));
        HttpResponse<byte[]> custom = gzipGet("/custom");
        assertEquals("gzip", header(custom, "Content-Encoding"));
        assertEquals("0123456789abcdef", gunzip(custom.body()));
        assertEquals(null, header(gzipGet("/html"), "Content-Encoding"));
    }

    @Test
    void clientWithoutGzipGetsIdentityButVary() throws Exception {
        enable(new Compression());
        startWith("text/plain", BIG);
        for (String acceptEncoding : new String[] {"identity", "gzip;q=0", "br"}) {
            HttpResponse<byte[]> response = getBytes("/body", "Accept-Encoding", acceptEncoding);
            assertEquals(null, header(response, "Content-Encoding"), acceptEncoding);
            assertEquals("Accept-Encoding", header(response, "Vary"), acceptEncoding);
            assertEquals(BIG, new String(response.body(), StandardCharsets.UTF_8));
        }
        assertEquals("gzip", header(getBytes("/body", "Accept-Encoding", "br, *;q=0.5"), "Content-Encoding"));
    }

    @Test
    void excludedUserAgentsGetIdentity() throws Exception {
        Compression compression = new Compression();
        compression.setExcludedUserAgents(new String[] {"Old.*Browser", "curl/7\\..*"});
        enable(compression);
        startWith("text/plain", BIG);
        assertEquals(null, header(getBytes("/body", "Accept-Encoding", "gzip", "User-Agent", "OldBrowser"),
                "Content-Encoding"));
        assertEquals("gzip", header(getBytes("/body", "Accept-Encoding", "gzip", "User-Agent", "NewBrowser"),
                "Content-Encoding"));
    }

    @Test
    void headRequestsAreNotCoded() throws Exception {
        enable(new Compression());
        startWith("text/plain", BIG);
        HttpResponse<Void> response = client.send(request("/body", "Accept-Encoding", "gzip")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, response.statusCode());
        assertEquals(null, header(response, "Content-Encoding"));
    }

    @Test
    void failureAfterPartOfTheBodyLeavesAnUncodedErrorPage() throws Exception {
        enable(new Compression());
        start(servlet("/fail", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("x".repeat(3000)); // past the 2 KB minimum, within the 8 KB buffer
                throw new IllegalStateException("late failure");
            }
        }));
        HttpResponse<byte[]> response = gzipGet("/fail");
        assertEquals(500, response.statusCode());
        assertEquals(null, header(response, "Content-Encoding"));
        assertFalse(new String(response.body(), StandardCharsets.ISO_8859_1).contains("xxxx"));
    }

    /** Writes {@code body} as {@code contentType}, optionally flushing first or declaring a length. */
    static final class Body extends HttpServlet {
        private final String contentType;
        private final String body;
        private final boolean flush;
        private final long length;

        Body(String contentType, String body, boolean flush, long length) {
            this.contentType = contentType;
            this.body = body;
            this.flush = flush;
            this.length = length;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType(contentType);
            if (length >= 0) {
                resp.setContentLengthLong(length);
            }
            resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            if (flush) {
                resp.getOutputStream().flush();
            }
        }
    }
}
