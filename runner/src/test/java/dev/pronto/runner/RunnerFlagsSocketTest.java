package dev.pronto.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ProntoServer;
import dev.pronto.testing.LeakReportGuard;
import dev.pronto.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's flags over real sockets: HTTPS from a key store made at test time with a cleartext port next to it,
 * client certificates required, the access log, compression, limits, and the work directory of a run.
 */
@ExtendWith(LeakReportGuard.class)
class RunnerFlagsSocketTest {

    static final TestCertificates CERTS = TestCertificates.get();

    @TempDir
    Path dir;

    Path rootWar() throws IOException {
        Path root = dir.resolve("ROOT");
        Files.createDirectories(root);
        Files.writeString(root.resolve("index.html"), "root page " + "x".repeat(3000));
        return root;
    }

    static HttpResponse<String> get(SSLContext tls, String url) throws Exception {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            client.sslContext(tls);
        }
        return client.build().send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsFromAKeyStoreAndCleartextOnTheHttpPort() throws Exception {
        ProntoServer server = ProntoRunner.start(rootWar().toString(), "--port", "0", "--threads", "1",
                "--ssl-key-store", CERTS.pkcs12("localhost").toString(), "--ssl-key-store-password",
                TestCertificates.PASSWORD, "--http-port", "0");
        try {
            HttpResponse<String> https = get(CERTS.clientContext(false), "https://localhost:" + server.port() + "/");
            assertEquals(200, https.statusCode());
            assertTrue(https.body().startsWith("root page"), https.body());
            HttpResponse<String> http = get(null, "http://127.0.0.1:" + server.httpPort() + "/");
            assertEquals(200, http.statusCode());
            assertTrue(http.body().startsWith("root page"));
        } finally {
            server.destroy();
        }
    }

    @Test
    void clientAuthNeedRefusesAClientWithoutACertificate() throws Exception {
        ProntoServer server = ProntoRunner.start(rootWar().toString(), "--port", "0", "--threads", "1",
                "--ssl-certificate", CERTS.pemCertificate().toString(), "--ssl-certificate-private-key",
                CERTS.pemKey().toString(), "--ssl-client-auth", "need", "--ssl-trust-store",
                CERTS.pkcs12("client").toString(), "--ssl-trust-store-password", TestCertificates.PASSWORD);
        try {
            String url = "https://localhost:" + server.port() + "/";
            assertEquals(200, get(CERTS.clientContext(true), url).statusCode(), "a client with its certificate");
            assertThrows(IOException.class, () -> get(CERTS.clientContext(false), url), "no certificate: refused");
        } finally {
            server.destroy();
        }
    }

    @Test
    void accessLogCompressionLimitsTransportAndExecutor() throws Exception {
        Path logs = dir.resolve("logs");
        ProntoServer server = ProntoRunner.start(rootWar().toString(), "--port", "0", "--threads", "1",
                "--accesslog-directory", logs.toString(), "--accesslog-rotate", "false", "--accesslog-buffered",
                "false", "--compression", "--max-uri-length", "64", "--max-body-size", "16", "--transport", "nio",
                "--executor-kind", "platform", "--executor-max-concurrency", "4");
        try {
            String base = "http://127.0.0.1:" + server.port();
            assertFalse(server.executor().isVirtual(), "--executor-kind platform");
            assertEquals(4, server.executor().maxConcurrency());
            HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/index.html")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(100)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, tooLarge.statusCode(), "--max-body-size");
            HttpResponse<String> page = get(null, base + "/index.html");
            assertEquals(200, page.statusCode());
            assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(null), "--compression");
            assertEquals(414, get(null, base + "/" + "a".repeat(100)).statusCode(), "--max-uri-length");
            Path file = logs.resolve("access_log.log");
            assertTrue(awaitLines(file, 2), "two lines in " + file);
            assertTrue(Files.readString(file).contains("\"GET /index.html HTTP/1.1\" 200"), Files.readString(file));
        } finally {
            server.destroy();
        }
    }

    @Test
    void aRunUnpacksIntoItsOwnWorkDirectoryAndRemovesItAtStop() throws Exception {
        Path war = dir.resolve("shop.war");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(war))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("index.html"));
            zip.write("shop".getBytes());
            zip.closeEntry();
        }
        ProntoServer server = ProntoRunner.start(war.toString(), "--port", "0", "--threads", "1");
        Path work = server.workDirectory();
        try {
            assertNotNull(work);
            assertTrue(work.getFileName().toString().startsWith("pronto-work-"), work.toString());
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")), work.getParent());
            assertEquals("shop", get(null, "http://127.0.0.1:" + server.port() + "/shop/").body());
            try (Stream<Path> files = Files.walk(work)) {
                assertTrue(files.anyMatch(p -> p.endsWith("index.html")), "unpacked there");
            }
        } finally {
            server.destroy();
        }
        assertFalse(Files.exists(work), "removed at stop");

        Path configured = dir.resolve("work");
        ProntoServer kept = ProntoRunner.start(war.toString(), "--port", "0", "--threads", "1", "--work-dir",
                configured.toString());
        kept.destroy();
        assertEquals(configured, kept.workDirectory());
        try (Stream<Path> files = Files.walk(configured)) {
            assertTrue(files.anyMatch(p -> p.endsWith("index.html")), "a configured work directory is kept");
        }

        ProntoServer exploded = ProntoRunner.start(rootWar().toString(), "--port", "0", "--threads", "1");
        exploded.destroy();
        assertNull(exploded.workDirectory(), "an exploded WAR needs no work directory; none is made");
    }

    @Test
    void jspPrecompileFailsTheDeploymentOnAPageThatDoesNotCompile() throws Exception {
        Path war = dir.resolve("pages");
        Files.createDirectories(war);
        Files.writeString(war.resolve("good.jsp"), "<%@ page contentType=\"text/plain\" %>good");
        Files.writeString(war.resolve("bad.jsp"), "<% int x = ; %>");
        Exception failure = assertThrows(Exception.class, () -> ProntoRunner.start(war.toString(), "--port", "0",
                "--threads", "1", "--jsp-precompile", "--jsp-development", "false"));
        String message = failure.getMessage() + " " + failure.getCause();
        assertTrue(message.contains("JSP precompilation failed") && message.contains("/bad.jsp"), message);

        Files.delete(war.resolve("bad.jsp"));
        ProntoServer server = ProntoRunner.start(war.toString(), "--port", "0", "--threads", "1",
                "--jsp-precompile");
        try {
            assertEquals("good", get(null, "http://127.0.0.1:" + server.port() + "/pages/good.jsp").body().strip());
        } finally {
            server.destroy();
        }
    }

    private static boolean awaitLines(Path file, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= lines) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
