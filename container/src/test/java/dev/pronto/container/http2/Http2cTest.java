package dev.pronto.container.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.Http2Config;
import dev.pronto.container.RequestOutcome;
import dev.pronto.container.Server;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.Transport;
import dev.pronto.testing.OnEachTransport;
import dev.pronto.testing.RawHttp2Connection;
import dev.pronto.testing.RawHttp2Connection.Frame;
import dev.pronto.testing.RawHttp2Connection.Response;
import dev.pronto.testing.RawHttpConnection;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** h2c with prior knowledge over real sockets, on each transport: streams, flow control, trailers, resets. */
class Http2cTest {

    private Server server;
    private Http2TestHandler handler;

    private int start(Transport transport) throws Exception {
        return start(transport, b -> b);
    }

    private int start(Transport transport, UnaryOperator<ServerConfig.Builder> custom) throws Exception {
        handler = new Http2TestHandler();
        ServerConfig config = custom.apply(ServerConfig.builder().port(0).host("127.0.0.1").ioThreads(2)
                .transport(transport).http2(true)).build();
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

    @OnEachTransport
    void manyConcurrentStreamsOnOneConnectionAreEachAnswered(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int id = c.nextStreamId();
                // RFC 9113 §8.2.3: a client may split cookies into several fields; the application sees them joined
                c.headers(id, RawHttp2Connection.request("GET", "/hello?" + i).add("cookie", "a=" + i)
                        .add("cookie", "b=2"), true);
                ids.add(id);
            }
            for (int i = 0; i < ids.size(); i++) {
                Response r = c.response(ids.get(i));
                assertEquals(200, r.status());
                assertEquals("hello " + i + " HTTP/2.0 t a=" + i + "; b=2", r.text());
                assertNotNull(r.header("date"));
                assertEquals("Pronto", r.header("server"));
                assertEquals(String.valueOf(r.body().length), r.header("content-length"));
            }
        }
        // a stream is counted when it closes, which the server learns just after the client read its last frame
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.metrics().requestsCompleted(RequestOutcome.SUCCESS) < 100 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(100, server.metrics().requestsCompleted(RequestOutcome.SUCCESS));
        assertEquals(0, server.metrics().requestsActive());
    }

    @OnEachTransport
    void requestBodyAndTrailersTravelBothWays(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.nextStreamId();
            c.headers(id, RawHttp2Connection.request("POST", "/echo"), false);
            c.data(id, "hello ".getBytes(StandardCharsets.UTF_8), false);
            c.data(id, "world".getBytes(StandardCharsets.UTF_8), false);
            c.headers(id, new DefaultHttp2Headers().add("checksum", "42"), true);
            Response r = c.response(id);
            assertEquals(200, r.status());
            assertEquals("hello world", r.text());
            assertNotNull(r.trailers(), "trailers end the stream in a HEADERS frame");
            assertEquals("42", r.trailers().get("x-checksum").toString());
            assertEquals("11", r.trailers().get("x-length").toString());
        }
    }

    @OnEachTransport
    void largeDownloadFollowsTheClientsWindowAndEndsWithTrailers(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.get("/stream?n=1000"); // 1000 KiB: far beyond the initial 64 KiB windows
            Response r = c.response(id);
            assertEquals(200, r.status());
            assertEquals(1000 * 1024, r.body().length);
            assertEquals('a' + 999 % 26, r.body()[r.body().length - 1]);
            assertEquals("1000", r.trailers().get("x-chunks").toString());
        }
    }

    @OnEachTransport
    void aSlowReaderStopsOnlyItsOwnStream(Transport transport) throws Exception {
        int port = start(transport);
        byte[] window = new byte[65_535];
        Arrays.fill(window, (byte) 'x');
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int held = c.nextStreamId();
            c.headers(held, RawHttp2Connection.request("POST", "/hold"), false);
            c.data(held, window, false); // the whole stream window; the application reads nothing yet
            awaitConnectionWindowUpdate(c); // the connection's window came back at once: only the stream is full

            int other = c.nextStreamId();
            c.headers(other, RawHttp2Connection.request("POST", "/echo"), false);
            c.data(other, window, true);
            Response echoed = c.response(other);
            assertEquals(65_535, echoed.body().length, "a neighbour of the slow stream is served in full");

            handler.holdRelease.countDown(); // the application reads: the window of the held stream opens again
            Frame update = c.readFrame(held);
            assertEquals(RawHttp2Connection.WINDOW_UPDATE, update.type());
            c.data(held, "!".getBytes(StandardCharsets.UTF_8), true);
            Response r = c.response(held);
            assertEquals(65_536, r.body().length);
        }
    }

    private static void awaitConnectionWindowUpdate(RawHttp2Connection c) throws Exception {
        Frame f;
        do {
            f = c.readFrame(0);
        } while (f.type() != RawHttp2Connection.WINDOW_UPDATE);
    }

    @OnEachTransport
    void aStreamResetMidResponseReleasesItAndTheConnectionGoesOn(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port).autoWindowUpdate(false)) {
            int id = c.get("/stream?n=1000");
            Frame head = c.readFrame(id);
            assertEquals(RawHttp2Connection.HEADERS, head.type());
            c.readFrame(id); // some DATA arrived; the rest waits for a window the client never opens
            c.rst(id, 0x8); // CANCEL
            assertTrue(handler.closedSeen.await(10, TimeUnit.SECONDS), "the exchange learns its stream is gone");
            c.autoWindowUpdate(true);
            Response r = c.response(c.get("/hello?after"));
            assertEquals(200, r.status());
        }
    }

    @OnEachTransport
    void rapidResetIsAnsweredWithGoAwayEnhanceYourCalm(Transport transport) throws Exception {
        int port = start(transport, b -> b.http2(Http2Config.builder().enabled(true).maxResetsPerWindow(50).build()));
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            // 51 request-and-cancel pairs, one past the limit, in one write: the server has read every byte when it
            // closes, so its close is a FIN after the GOAWAY, not a reset that could destroy the GOAWAY in flight
            java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 51; i++) {
                int id = c.nextStreamId();
                burst.write(RawHttp2Connection.encode(RawHttp2Connection.HEADERS,
                        RawHttp2Connection.END_HEADERS | RawHttp2Connection.END_STREAM, id,
                        c.hpack(id, RawHttp2Connection.request("GET", "/hello"))));
                burst.write(RawHttp2Connection.encode(RawHttp2Connection.RST_STREAM, 0, id, new byte[] {0, 0, 0, 8}));
            }
            c.raw(burst.toByteArray());
            Frame goAway = c.goAway();
            assertEquals(0xb, goAway.errorCode(), "ENHANCE_YOUR_CALM (CVE-2023-44487)");
            assertTrue(c.isClosedByServer());
        }
    }

    @OnEachTransport
    void aContinuationFloodIsCutOffAtTheHeaderListLimit(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.nextStreamId();
            c.frame(RawHttp2Connection.HEADERS, 0, id, c.hpack(id, RawHttp2Connection.request("GET", "/hello")));
            byte[] junk = new byte[1024];
            Arrays.fill(junk, (byte) 0x40); // literal fields that never end the block
            try {
                for (int i = 0; i < 10_000; i++) {
                    c.frame(RawHttp2Connection.CONTINUATION, 0, id, junk);
                }
            } catch (java.io.IOException closed) {
                // closed before 10 MB arrived: the block was not buffered without bound
            }
            assertNotNull(c.goAway());
            assertTrue(c.isClosedByServer());
        }
        assertEquals(0, handler.gateEntered.availablePermits());
    }

    @OnEachTransport
    void anHpackBombIsRefusedWith431AndTheConnectionGoesOn(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.nextStreamId();
            Http2Headers bomb = RawHttp2Connection.request("GET", "/hello");
            String big = "b".repeat(4000);
            for (int i = 0; i < 200; i++) {
                bomb.add("x-bomb", big); // one literal, then 199 one-byte references to the dynamic table: 800 KB
            }
            byte[] block = c.hpack(id, bomb);
            assertTrue(block.length < 5000, "the encoded block is small: " + block.length);
            c.frame(RawHttp2Connection.HEADERS, RawHttp2Connection.END_HEADERS | RawHttp2Connection.END_STREAM, id,
                    block);
            Response r = c.response(id);
            assertEquals(431, r.status(), "RFC 6585 §5 / RFC 9113 §10.5.1");
        }
    }

    /**
     * PING and SETTINGS frames each oblige the server to answer; a client that sends them without reading the
     * answers makes them queue. Past the limit the connection is closed. The limit is the codec's, not the
     * transport's, so this slow test (the server's socket buffer must fill first) runs on one transport.
     */
    @Test
    void aPingAndSettingsFloodFromAClientThatDoesNotReadClosesTheConnection() throws Exception {
        int port = start(Transport.NIO, b -> b.http2(Http2Config.builder().enabled(true).maxQueuedControlFrames(100)
                .build()));
        byte[] ping = RawHttp2Connection.encode(RawHttp2Connection.PING, 0, 0, new byte[8]);
        byte[] settings = RawHttp2Connection.encode(RawHttp2Connection.SETTINGS, 0, 0, new byte[0]);
        byte[] pair = new byte[ping.length + settings.length];
        System.arraycopy(ping, 0, pair, 0, ping.length);
        System.arraycopy(settings, 0, pair, ping.length, settings.length);
        assertTrue(floodIsCutOff(port, pair));
    }

    /** Sends a control frame without reading its ACKs until the server closes (true) or 4 million were sent. */
    private static boolean floodIsCutOff(int port, byte[] frame) throws Exception {
        byte[] batch = new byte[frame.length * 4096];
        for (int i = 0; i < 4096; i++) {
            System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
        }
        try (RawHttp2Connection c = RawHttp2Connection.open(port, 4096)) {
            c.timeout(2_000);
            try {
                for (int i = 0; i < 1000; i++) {
                    c.raw(batch);
                }
            } catch (java.io.IOException closed) {
                return true; // reset or broken pipe: the server gave up on this client
            }
            return c.isClosedByServer();
        }
    }

    @OnEachTransport
    void gracefulShutdownSendsGoAwayAndLetsStreamsInFlightFinish(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.get("/gate");
            assertTrue(handler.gateEntered.tryAcquire(10, TimeUnit.SECONDS));
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)));
            Frame goAway = c.goAway();
            assertEquals(0, goAway.errorCode(), "NO_ERROR");
            handler.gate.countDown();
            Response r = c.response(id);
            assertEquals("gate", r.text(), "the stream in flight finished");
            assertTrue(c.isClosedByServer());
            stopped.get(10, TimeUnit.SECONDS);
        }
    }

    @OnEachTransport
    void anIdleConnectionIsClosedWithGoAway(Transport transport) throws Exception {
        int port = start(transport, b -> b.idleTimeout(Duration.ofMillis(300)));
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            assertEquals(200, c.response(c.get("/hello")).status());
            assertEquals(0, c.goAway().errorCode());
            assertTrue(c.isClosedByServer());
        }
    }

    @OnEachTransport
    void http11StillWorksOnAnH2cPortAndMalformedRequestsNeverReachTheHandler(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttpConnection http1 = RawHttpConnection.open(port)) {
            http1.send("GET /hello?x HTTP/1.1\r\nHost: h\r\n\r\n");
            RawHttpConnection.Response r = http1.read();
            assertEquals(200, r.status());
            assertEquals("hello x HTTP/1.1 h null", r.body());
        }
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.nextStreamId();
            c.headers(id, new DefaultHttp2Headers().method("GET").path("no-slash").scheme("http").authority("t"), true);
            assertEquals(400, c.response(id).status());
            id = c.nextStreamId();
            c.headers(id, new DefaultHttp2Headers().method("CONNECT").authority("t:443"), true);
            assertEquals(501, c.response(id).status());
            assertNull(c.response(c.get("/hello")).trailers());
        }
    }
}
