package dev.pronto.container.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.RequestOutcome;
import dev.pronto.container.Server;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.ServerMetrics;
import dev.pronto.container.Transport;
import dev.pronto.testing.OnEachTransport;
import dev.pronto.testing.RawHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;

/** HTTP/2 connections, streams and bytes are counted in the server's metrics as HTTP/1.1's are (issue 16). */
class Http2MetricsTest {

    private Server server;
    private Http2TestHandler handler;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
            handler.workers.shutdownNow();
        }
    }

    @OnEachTransport
    void streamsBytesAndConnectionsAreCounted(Transport transport) throws Exception {
        handler = new Http2TestHandler();
        server = Server.create(ServerConfig.builder().port(0).host("127.0.0.1").ioThreads(2).transport(transport)
                .http2(true).build(), handler).start();
        ServerMetrics metrics = server.metrics();
        long bodyBytes = 0;
        try (RawHttp2Connection c = RawHttp2Connection.open(server.port())) {
            for (int i = 0; i < 5; i++) {
                bodyBytes += c.response(c.get("/hello?" + i)).body().length;
            }
            assertEquals(404, c.response(c.get("/missing")).status());
            bodyBytes += c.response(c.get("/stream?n=100")).body().length; // 100 KiB in many DATA frames
            int bad = c.nextStreamId();
            c.headers(bad, new DefaultHttp2Headers().method("GET").path("no-slash").scheme("http").authority("t"),
                    true);
            assertEquals(400, c.response(bad).status());
            await(() -> metrics.requestsCompleted(RequestOutcome.SUCCESS) == 6);
            assertEquals(1, metrics.connectionsOpen());
        }
        await(() -> metrics.connectionsOpen() == 0);
        assertEquals(6, metrics.requestsCompleted(RequestOutcome.SUCCESS));
        assertEquals(1, metrics.requestsCompleted(RequestOutcome.CLIENT_ERROR));
        assertEquals(0, metrics.requestsActive());
        assertEquals(1L, metrics.decodeErrors().get(400), "a stream the engine refused counts as HTTP/1.1's do");
        assertEquals(1, metrics.connectionsAccepted());
        assertTrue(metrics.bytesIn() > 24 + 9 * 8, "preface and frames read: " + metrics.bytesIn());
        // every body byte plus at least a 9-byte frame header per response
        assertTrue(metrics.bytesOut() > bodyBytes + 9 * 8, metrics.bytesOut() + " written for " + bodyBytes);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
