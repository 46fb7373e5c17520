package dev.pronto.container.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.RequestOutcome;
import dev.pronto.container.Server;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.Transport;
import dev.pronto.testing.OnEachTransport;
import dev.pronto.testing.RawHttp2Connection;
import dev.pronto.testing.RawHttpConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 {@code Upgrade: h2c} (RFC 7540 §3.2) over real sockets: the switch, and every case that must not switch. */
class Http2cUpgradeTest {

    /** {@code HTTP2-Settings} of an empty SETTINGS payload is legal; this one carries MAX_CONCURRENT_STREAMS = 100. */
    private static final String SETTINGS = "AAMAAABk";

    private Server server;
    private Http2TestHandler handler;

    private int start(Transport transport, boolean http2) throws Exception {
        handler = new Http2TestHandler();
        ServerConfig config = ServerConfig.builder().port(0).host("127.0.0.1").ioThreads(2).transport(transport)
                .http2(http2).build();
        server = Server.create(config, handler).start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
            handler.workers.shutdownNow();
        }
    }

    private static String upgradeRequest(String method, String path, String settings) {
        return method + " " + path + " HTTP/1.1\r\nHost: t\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: " + settings + "\r\n";
    }

    /** Reads a response head byte by byte, so nothing after it is consumed. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    @OnEachTransport
    void upgradeAnswers101ThenTheResponseOnStream1ThenSpeaksHttp2(Transport transport) throws Exception {
        int port = start(transport, true);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((upgradeRequest("GET", "/hello?up", SETTINGS) + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
            assertTrue(head.toLowerCase().contains("upgrade: h2c\r\n"), head);
            assertTrue(head.toLowerCase().contains("connection: upgrade\r\n"), head);
            try (RawHttp2Connection c = RawHttp2Connection.afterUpgrade(socket)) {
                RawHttp2Connection.Response first = c.response(1);
                assertEquals(200, first.status());
                // the upgrade request is served as HTTP/2; its HTTP/1.1 hop fields are gone, Host is the authority
                assertEquals("hello up HTTP/2.0 t null", first.text());
                int next = c.get("/hello?next");
                assertEquals(3, next);
                assertEquals("hello next HTTP/2.0 t null", c.response(next).text());
            }
        }
        awaitCompleted(2);
        assertEquals(2, server.metrics().requestsCompleted(RequestOutcome.SUCCESS), "the 101 is not a request of its own");
        assertEquals(1, server.metrics().connectionsAccepted(), "one connection, counted once across the switch");
    }

    @Test
    void theJdkClientUpgradesAnHttpUrlAndKeepsSpeakingHttp2() throws Exception {
        int port = start(Transport.NIO, true);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/hello?" + i)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, r.version());
            assertTrue(r.body().startsWith("hello " + i + " HTTP/2.0 127.0.0.1:" + port), r.body());
        }
        awaitCompleted(3);
        assertEquals(1, server.metrics().connectionsAccepted());
    }

    @OnEachTransport
    void malformedSettingsAre400AndClose(Transport transport) throws Exception {
        int port = start(transport, true);
        for (String settings : List.of("not base64!", "AAMAAAB", "AASAAAAA")) { // bad alphabet, 5 bytes, window too big
            try (RawHttpConnection c = RawHttpConnection.open(port)) {
                c.send(upgradeRequest("GET", "/hello?x", settings) + "\r\n");
                RawHttpConnection.Response r = c.read();
                assertEquals(400, r.status(), settings);
                assertTrue(c.isClosedByServer(), settings);
            }
        }
        try (RawHttpConnection c = RawHttpConnection.open(port)) { // two HTTP2-Settings fields: RFC 7540 §3.2.1
            c.send(upgradeRequest("GET", "/hello?x", SETTINGS) + "HTTP2-Settings: " + SETTINGS + "\r\n\r\n");
            assertEquals(400, c.read().status());
            assertTrue(c.isClosedByServer());
        }
    }

    @OnEachTransport
    void withoutHttp2TheUpgradeIsIgnored(Transport transport) throws Exception {
        int port = start(transport, false);
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            c.send(upgradeRequest("GET", "/hello?plain", SETTINGS) + "\r\n");
            RawHttpConnection.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("hello plain HTTP/1.1 t null", r.body());
            assertNull(r.header("upgrade"));
        }
    }

    @OnEachTransport
    void aRequestWithABodyIsAnsweredOverHttp11(Transport transport) throws Exception {
        int port = start(transport, true);
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            c.send(upgradeRequest("POST", "/echo", SETTINGS) + "Content-Length: 5\r\n\r\nhello"
                    + "GET /hello?after HTTP/1.1\r\nHost: t\r\n\r\n");
            RawHttpConnection.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("hello", r.body());
            assertEquals("hello after HTTP/1.1 t null", c.read().body(), "the connection stays HTTP/1.1");
        }
    }

    @OnEachTransport
    void pipelinedRequestsBehindTheUpgradeKeepTheConnectionOnHttp11(Transport transport) throws Exception {
        int port = start(transport, true);
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            c.send(upgradeRequest("GET", "/hello?1", SETTINGS) + "\r\n" + "GET /hello?2 HTTP/1.1\r\nHost: t\r\n\r\n");
            List<RawHttpConnection.Response> r = c.read(2);
            assertEquals("hello 1 HTTP/1.1 t null", r.get(0).body());
            assertEquals("hello 2 HTTP/1.1 t null", r.get(1).body());
        }
    }

    @OnEachTransport
    void anUpgradeWithoutHttp2SettingsInConnectionIsIgnored(Transport transport) throws Exception {
        int port = start(transport, true);
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            c.send("GET /hello?c HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nHTTP2-Settings: "
                    + SETTINGS + "\r\n\r\n");
            RawHttpConnection.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("hello c HTTP/1.1 t null", r.body());
        }
    }

    private void awaitCompleted(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.metrics().requestsCompleted(RequestOutcome.SUCCESS) < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
