package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.RequestOutcome;
import dev.pronto.container.ServerMetrics;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoMetrics;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.session.SessionMetrics;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The counters after known traffic over real sockets: exact request, byte, error, worker and session counts. */
class ProntoMetricsTest {

    static final CountDownLatch entered = new CountDownLatch(1);
    static final CountDownLatch release = new CountDownLatch(1);

    /** {@code /ok}, {@code /fail} (500), {@code /hold} (blocks until released), {@code /session/new|end}. */
    static final class AppServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            switch (req.getPathInfo()) {
                case "/ok" -> resp.getWriter().print("ok");
                case "/fail" -> throw new IllegalStateException("expected by the test");
                case "/hold" -> hold(resp);
                case "/session/new" -> resp.getWriter().print(req.getSession().getId());
                case "/session/end" -> req.getSession().invalidate();
                default -> resp.sendError(404);
            }
        }

        private static void hold(HttpServletResponse resp) throws IOException {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.getWriter().print("held");
        }
    }

    private ProntoServer server;

    private ProntoServer start(int maxConnections) throws Exception {
        server = Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1).maxConnections(maxConnections))
                .webapp(app -> app.servlet("/app/*", new AppServlet()).maxActiveSessions(2)).start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroy();
        }
    }

    /** Sends {@code text} and reads until the server closes; returns what came back. */
    private String exchange(String text) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send(text);
            return c.readUntilClose();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }

    @Test
    void countsRequestsBytesAndDecodeErrorsExactly() throws Exception {
        start(100);
        ServerMetrics engine = server.metrics().engine();
        // three requests pipelined in one write: two ok, one 404, the last asks to close
        String pipelined = "GET /app/ok HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /app/ok HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /app/none HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
        String first = exchange(pipelined);
        String failed = exchange("GET /app/fail HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        String bad = exchange("GET /app/ok HTTP/1.1\r\n\r\n"); // no Host: RFC 9112 §3.2, 400
        String tooLong = exchange("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: t\r\n\r\n"); // 414

        await(() -> engine.connectionsOpen() == 0);
        assertEquals(4, engine.connectionsAccepted());
        assertEquals(0, engine.connectionsRejected());
        assertEquals(2, engine.requestsCompleted(RequestOutcome.SUCCESS));
        assertEquals(1, engine.requestsCompleted(RequestOutcome.CLIENT_ERROR));
        assertEquals(1, engine.requestsCompleted(RequestOutcome.SERVER_ERROR));
        assertEquals(0, engine.requestsCompleted(RequestOutcome.ABORTED));
        assertEquals(0, engine.requestsActive());
        assertEquals(0, engine.pipelinedInFlight());
        assertEquals(Map.of(400, 1L, 414, 1L), engine.decodeErrors());
        long sent = bytes(pipelined) + bytes("GET /app/fail HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                + bytes("GET /app/ok HTTP/1.1\r\n\r\n") + 9000 + bytes("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
        assertEquals(sent, engine.bytesIn());
        assertEquals(bytes(first) + bytes(failed) + bytes(bad) + bytes(tooLong), engine.bytesOut());
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1).length;
    }

    @Test
    void countsConnectionsRejectedAtTheCapAndPipelinedRequestsInFlight() throws Exception {
        start(1);
        ServerMetrics engine = server.metrics().engine();
        try (RawHttpConnection held = RawHttpConnection.open(server.port())) {
            // a blocked request first, then one pipelined behind it: it waits for the head of the line
            held.send("GET /app/hold HTTP/1.1\r\nHost: t\r\n\r\nGET /app/ok HTTP/1.1\r\nHost: t\r\n\r\n");
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            await(() -> engine.pipelinedInFlight() == 1);
            assertEquals(2, engine.requestsActive());
            assertEquals(1, server.metrics().workersActive());
            try (RawHttpConnection refused = RawHttpConnection.open(server.port())) {
                assertTrue(refused.isClosedByServer());
            }
            await(() -> engine.connectionsRejected() == 1);
            assertEquals(1, engine.connectionsOpen());
            release.countDown();
            assertEquals("held", held.read().body());
            assertEquals("ok", held.read().body());
        }
        await(() -> engine.connectionsOpen() == 0);
        assertEquals(0, engine.pipelinedInFlight());
        assertEquals(0, engine.requestsActive());
        assertEquals(2, engine.requestsCompleted(RequestOutcome.SUCCESS));
        assertEquals(0, server.metrics().workersActive());
        assertEquals(0, server.metrics().workersQueued());
        assertEquals(0, server.metrics().workersRejected());
    }

    @Test
    void countsSessionsAsTomcatDoes() throws Exception {
        start(100);
        String one = get("/app/session/new", null);
        get("/app/session/new", null);
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET /app/session/new HTTP/1.1\r\nHost: t\r\n\r\n"); // a third while two live: over the cap
            assertEquals(500, c.read().status());
        }
        get("/app/session/end", "JSESSIONID=" + one);
        SessionMetrics sessions = server.metrics().sessions().get("");
        assertEquals(new SessionMetrics(1, 2, 2, 1, 1, 0), sessions);
    }

    private String get(String path, String cookie) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + "\r\n");
            RawHttpConnection.Response response = c.read();
            assertEquals(200, response.status());
            return response.body();
        }
    }
}
