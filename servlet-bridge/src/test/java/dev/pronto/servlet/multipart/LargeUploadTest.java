package dev.pronto.servlet.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MiB file upload to a server whose heap is capped at 128 MiB (a child JVM running {@link UploadServerMain}):
 * the part arrives whole (size and CRC32 as sent), spilled to a temporary file that is gone once the request ends.
 * The body is generated while it is sent, never held in memory on either side.
 */
class LargeUploadTest {

    private static final long FILE_SIZE = 200L * 1024 * 1024;
    private static final String BOUNDARY = "----prontoLargeUpload0123456789";

    @TempDir
    Path location;

    @Test
    @Timeout(120)
    void twoHundredMebibytesThroughA128MebibyteHeap() throws Exception {
        Process child = startChild();
        try {
            int port = readPort(child);
            try (RawHttpConnection c = RawHttpConnection.open(port).timeout(60_000)) {
                c.send("GET /upload HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals("reset", c.read().body());
                long start = System.nanoTime();
                long crc = upload(c.outputStream());
                Response r = c.read();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(200, r.status(), r.body());
                String[] lines = r.body().split("\n");
                assertEquals("part note 5 " + Long.toHexString(crc32("hello")), lines[0]);
                assertEquals("part file " + FILE_SIZE + " " + Long.toHexString(crc), lines[1]);
                assertEquals("files 1", lines[2], "the big part was on disk while the request ran");
                long peakHeap = Long.parseLong(lines[3].substring("peakHeap ".length()));
                System.out.printf("200 MiB multipart upload: %d ms (%.0f MiB/s), server peak heap %.1f MiB%n",
                        millis, FILE_SIZE / 1048576.0 / (millis / 1000.0), peakHeap / 1048576.0);
                assertTrue(peakHeap < 128L * 1024 * 1024, "peak heap " + peakHeap);
            }
            awaitEmpty(location);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), UploadServerMain.class.getName(), location.toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    private static int readPort(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IOException("The upload server exited before listening");
    }

    /** Streams a form with a small field and the generated file; returns the file's CRC32. */
    private static long upload(OutputStream out) throws IOException {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long length = head.length + FILE_SIZE + tail.length;
        out.write(("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        CRC32 crc = new CRC32();
        byte[] block = new byte[64 * 1024];
        ByteBuffer longs = ByteBuffer.wrap(block);
        long state = 0x9E3779B97F4A7C15L;
        for (long sent = 0; sent < FILE_SIZE; sent += block.length) {
            longs.clear();
            while (longs.hasRemaining()) { // xorshift64: cheap bytes that never repeat a block
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                longs.putLong(state);
            }
            crc.update(block);
            out.write(block);
        }
        out.write(tail);
        out.flush();
        return crc.getValue();
    }

    private static long crc32(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static void awaitEmpty(Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long count;
        do {
            try (Stream<Path> files = Files.list(dir)) {
                count = files.count();
            }
            if (count > 0) {
                Thread.sleep(10);
            }
        } while (count > 0 && System.nanoTime() < deadline);
        assertEquals(0, count, "the temporary part file is deleted when the request ends");
    }
}
