package dev.pronto.servlet.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.RequestBodyException;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming multipart parser and part storage, driven through input streams that split the body anywhere. */
class MultipartFormReaderTest {

    private static final String BOUNDARY = "----pronto7MA4YWxkTrZu0gW";

    @TempDir
    Path dir;

    private static String form(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            sb.append("--").append(BOUNDARY).append("\r\n").append(part).append("\r\n");
        }
        return sb.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private MultipartForm read(byte[] body, int threshold, long maxFile, long maxRequest, InputStream in)
            throws IOException {
        MultipartFormReader.Settings settings = new MultipartFormReader.Settings(dir, threshold, maxFile, maxRequest);
        return new MultipartFormReader(settings, StandardCharsets.UTF_8).read(in, BOUNDARY);
    }

    private MultipartForm read(String body, int threshold) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return read(bytes, threshold, -1, -1, new ByteArrayInputStream(bytes));
    }

    private static String text(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private long filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void fieldsAndFileWithAllTheirHeaders() throws IOException {
        MultipartForm form = read(form(
                "Content-Disposition: form-data; name=\"title\"\r\n\r\nHello",
                "Content-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n"
                        + "X-Custom: one\r\nx-custom: two\r\n\r\nline1\r\nline2"), 1024);
        List<Part> parts = form.parts();
        assertEquals(2, parts.size());
        Part title = form.part("title");
        assertEquals("Hello", text(title));
        assertNull(title.getSubmittedFileName());
        assertNull(title.getContentType());
        Part doc = form.part("doc");
        assertEquals("a.txt", doc.getSubmittedFileName());
        assertEquals("text/plain", doc.getContentType());
        assertEquals("line1\r\nline2", text(doc));
        assertEquals(12, doc.getSize());
        assertEquals("one", doc.getHeader("x-CUSTOM"));
        assertEquals(List.of("one", "two"), List.copyOf(doc.getHeaders("X-Custom")));
        assertEquals(List.of("Content-Disposition", "Content-Type", "X-Custom"), List.copyOf(doc.getHeaderNames()));
        assertEquals(Map.of("title", List.of("Hello")), form.fields(StandardCharsets.UTF_8, -1));
    }

    @Test
    void preambleEpilogueTransportPaddingAndEmptyHeaderSections() throws IOException {
        String body = "This is the preamble.\r\n--" + BOUNDARY + "  \t\r\n"
                + "Content-Disposition: form-data; name=a\r\n\r\n1\r\n--" + BOUNDARY + "\r\n"
                + "\r\nno headers\r\n--" + BOUNDARY + "--\r\nThis is the epilogue.\r\n";
        MultipartForm form = read(body, 1024);
        assertEquals(2, form.parts().size());
        assertEquals("1", text(form.part("a")));
        assertEquals("no headers", text(form.parts().get(1)));
        assertNull(form.parts().get(1).getName());
    }

    @Test
    void dataThatAlmostMatchesTheDelimiterIsKept() throws IOException {
        String tricky = "\r\n--" + BOUNDARY.substring(0, 10) + "\r\n-\r\n--x--" + BOUNDARY + "\r\r\n";
        MultipartForm form = read(form("Content-Disposition: form-data; name=\"t\"; filename=\"t\"\r\n\r\n" + tricky),
                0);
        assertEquals(tricky, text(form.part("t")));
    }

    @Test
    void emptyFormHasNoParts() throws IOException {
        assertTrue(read("--" + BOUNDARY + "--", 0).parts().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711, 99_999})
    void anySplitOfTheInputGivesTheSameParts(long seed) throws IOException {
        Random random = new Random(seed);
        byte[] file = new byte[random.nextInt(300_000)];
        random.nextBytes(file);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nv\r\n--"
                + BOUNDARY + "--").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        MultipartForm form = read(bytes, 4096, -1, -1, new ChoppyInputStream(bytes, random));
        try (InputStream in = form.part("f").getInputStream()) {
            assertArrayEquals(file, in.readAllBytes());
        }
        assertEquals("v", text(form.part("n")));
        form.delete();
        assertEquals(0, filesInDir());
    }

    @Test
    void smallPartsStayInMemoryLargeOnesSpillToTheLocation() throws IOException {
        MultipartForm form = read(form(
                "Content-Disposition: form-data; name=\"small\"; filename=\"s\"\r\n\r\n" + "s".repeat(100),
                "Content-Disposition: form-data; name=\"large\"; filename=\"l\"\r\n\r\n" + "l".repeat(101)), 100);
        assertEquals(1, filesInDir());
        assertEquals("l".repeat(101), text(form.part("large")));
        assertEquals("s".repeat(100), text(form.part("small")));
        form.delete();
        assertEquals(0, filesInDir());
    }

    @Test
    void writeMovesTheFileWhichStaysReadableAndIsNotDeletedByTheContainer() throws IOException {
        MultipartForm form = read(form(
                "Content-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n" + "x".repeat(5000),
                "Content-Disposition: form-data; name=\"m\"; filename=\"m\"\r\n\r\nmemory"), 1000);
        form.part("f").write("kept.bin");
        form.part("m").write(dir.resolve("kept-m.txt").toString());
        assertEquals("x".repeat(5000), Files.readString(dir.resolve("kept.bin")));
        assertEquals("x".repeat(5000), text(form.part("f")));
        assertEquals("memory", Files.readString(dir.resolve("kept-m.txt")));
        form.delete();
        assertTrue(Files.exists(dir.resolve("kept.bin")));
        assertEquals(2, filesInDir());
    }

    @Test
    void partDeleteRemovesItsTemporaryFileAtOnce() throws IOException {
        MultipartForm form = read(form("Content-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\nabc"), 0);
        assertEquals(1, filesInDir());
        form.part("f").delete();
        assertEquals(0, filesInDir());
        assertThrows(IOException.class, () -> form.part("f").getInputStream());
    }

    @Test
    void aPartBeyondMaxFileSizeFailsAndLeavesNoFile() {
        String body = form("Content-Disposition: form-data; name=\"ok\"; filename=\"a\"\r\n\r\n" + "a".repeat(10),
                "Content-Disposition: form-data; name=\"big\"; filename=\"b\"\r\n\r\n" + "b".repeat(11));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        MultipartSizeException e = assertThrows(MultipartSizeException.class,
                () -> read(bytes, 0, 10, -1, new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("'big' exceeded the maximum file size of 10 bytes"), e.getMessage());
        assertEquals(10, e.limit());
        assertDoesNotLeaveFiles();
    }

    @Test
    void aBodyBeyondMaxRequestSizeFailsWhileStreaming() {
        byte[] bytes = form("Content-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n" + "z".repeat(200_000))
                .getBytes(StandardCharsets.UTF_8);
        MultipartSizeException e = assertThrows(MultipartSizeException.class,
                () -> read(bytes, 0, -1, 100_000, new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("request size exceeded the maximum of 100000 bytes"), e.getMessage());
        assertDoesNotLeaveFiles();
    }

    private void assertDoesNotLeaveFiles() {
        try {
            assertEquals(0, filesInDir());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void malformedBodiesAreBadRequests() {
        String[] bad = {
            "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=a\r\n\r\nno closing boundary",
            "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=a\r\n",
            "--" + BOUNDARY + "\r\nno colon here\r\n\r\nx\r\n--" + BOUNDARY + "--",
            "--" + BOUNDARY + "junk\r\n\r\nx\r\n--" + BOUNDARY + "--",
            "--" + BOUNDARY + "\r\nX-Long: " + "h".repeat(9000) + "\r\n\r\nx\r\n--" + BOUNDARY + "--",
            "no boundary at all",
        };
        for (String body : bad) {
            RequestBodyException e = assertThrows(RequestBodyException.class, () -> read(body, 0),
                    body.substring(0, Math.min(60, body.length())));
            assertEquals(400, e.status());
        }
        assertDoesNotLeaveFiles();
    }

    @Test
    void contentDispositionParameters() {
        assertEquals(new ContentDisposition("a;b", "C:\\dir\\x \"y\".txt"),
                ContentDisposition.parse("form-data; name=\"a;b\"; filename=\"C:\\dir\\x \\\"y\\\".txt\""));
        assertEquals(new ContentDisposition("f", "naïve €.txt"),
                ContentDisposition.parse("form-data; name=f; filename=\"x.txt\"; "
                        + "filename*=UTF-8''na%C3%AFve%20%E2%82%AC.txt"));
        assertEquals(new ContentDisposition("f", ""), ContentDisposition.parse("form-data; name=f; filename=\"\""));
        assertEquals(new ContentDisposition(null, null), ContentDisposition.parse("form-data"));
        assertEquals(new ContentDisposition("x", null), ContentDisposition.parse("form-data;NAME=x"));
    }

    @Test
    void fieldCharsetsPartThenCharsetFieldThenRequest() throws IOException {
        byte[] latin = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_charset_\"\r\n\r\n"
                + "ISO-8859-1\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(latin);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"b\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("caf\u00e9".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.toByteArray();
        MultipartForm form = read(bytes, 1024, -1, -1, new ByteArrayInputStream(bytes));
        Map<String, List<String>> fields = form.fields(StandardCharsets.UTF_8, -1);
        assertEquals(List.of("caf\u00e9"), fields.get("a"));
        assertEquals(List.of("caf\u00e9"), fields.get("b"));
    }

    @Test
    void fieldsBeyondTheParameterCapAreRefusedButThePartsStayReadable() throws IOException {
        String big = "v".repeat(2049);
        MultipartForm form = read(form("Content-Disposition: form-data; name=\"text\"\r\n\r\n" + big), 0);
        assertEquals(big.length(), form.part("text").getSize());
        MultipartSizeException e = assertThrows(MultipartSizeException.class,
                () -> form.fields(StandardCharsets.UTF_8, 2048));
        assertTrue(e.getMessage().contains("exceeded"));
        form.delete();
    }

    @Test
    void boundaryParameter() {
        assertEquals("abc", MultipartParts.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b;c", MultipartParts.boundary("multipart/form-data; BOUNDARY=\"a b;c\"; charset=x"));
        assertEquals("x", MultipartParts.boundary("multipart/form-data;charset=utf-8;boundary=x"));
        assertNull(MultipartParts.boundary("multipart/form-data; xboundary=abc"));
        assertNull(MultipartParts.boundary("multipart/form-data"));
        assertTrue(MultipartParts.isFormData("Multipart/Form-Data ; boundary=x"));
        assertFalse(MultipartParts.isFormData("multipart/form-datax"));
        assertFalse(MultipartParts.isFormData("multipart/mixed; boundary=x"));
    }

    /** Returns the bytes in random pieces of 1 to 5000 bytes, as a network would. */
    private static final class ChoppyInputStream extends InputStream {
        private final byte[] data;
        private final Random random;
        private int position;

        ChoppyInputStream(byte[] data, Random random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= data.length) {
                return -1;
            }
            int piece = 1 + random.nextInt(random.nextBoolean() ? 5 : 5000);
            int n = Math.min(Math.min(len, data.length - position), piece);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }
}
