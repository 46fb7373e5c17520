package dev.pronto.container;

import dev.pronto.testing.OnEachTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.KeepAliveLoadClient;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Start, bind errors and graceful stop over real sockets, on each transport. */
class GracefulShutdownTest {

    @OnEachTransport
    void requestInFlightDuringStopCompletesWithConnectionClose(Transport transport) throws Exception {
        TestServer s = TestServer.start(transport);
        int port = s.port();
        try (RawHttpConnection busy = RawHttpConnection.open(port); RawHttpConnection idle = RawHttpConnection.open(port)) {
            idle.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, idle.read().status());
            busy.send("GET /slow?ms=500 HTTP/1.1\r\nHost: t\r\n\r\n");
            while (s.server.activeRequests() == 0) {
                Thread.sleep(5);
            }
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> s.server.stop(Duration.ofSeconds(10)));
            assertTrue(idle.isClosedByServer(), "idle connections close at once");
            Response r = busy.read();
            assertEquals(200, r.status());
            assertEquals("slow", r.body());
            assertEquals("close", r.header("connection"));
            assertTrue(busy.isClosedByServer());
            stopped.get();
            assertThrows(IOException.class, () -> RawHttpConnection.open(port).send("GET / HTTP/1.1\r\n\r\n").read(),
                    "no longer accepting");
        } finally {
            s.close();
        }
    }

    @OnEachTransport
    void aResponseReadyBeforeStopButWrittenAfterSaysCloseAsTheLastOneInFlight(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport);
             RawHttpConnection pipelined = RawHttpConnection.open(s.port());
             RawHttpConnection idle = RawHttpConnection.open(s.port())) {
            idle.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, idle.read().status());
            // The second response is complete at once but waits behind the first, which waits for the gate.
            pipelined.send("GET /gate HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertTrue(s.handlers.gateEntered.tryAcquire(10, TimeUnit.SECONDS));

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> s.server.stop(Duration.ofSeconds(10)));
            assertTrue(idle.isClosedByServer(), "the shutdown has begun");
            s.handlers.gate.countDown();

            List<Response> responses = pipelined.read(2);
            assertEquals("gate", responses.get(0).body());
            assertNull(responses.get(0).header("connection"), "RFC 9112 §9.6: no response follows one saying close");
            assertEquals("hello", responses.get(1).body());
            assertEquals("close", responses.get(1).header("connection"), "the last response says close");
            assertTrue(pipelined.isClosedByServer());
            stopped.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Keep-alive clients hammer the server while gated requests wait on workers; stop begins, then the gates open.
     * Every request the handler saw gets its whole response; a connection ends either after a response saying close
     * (nothing follows it) or while idle between two requests (that request was never run).
     */
    @OnEachTransport
    void underLoadEveryRequestInFlightFinishesAndTheLastResponseSaysClose(Transport transport) throws Exception {
        int loadClients = 8;
        int gated = 4;
        try (TestServer s = TestServer.start(transport);
             RawHttpConnection idle = RawHttpConnection.open(s.port())) {
            idle.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, idle.read().status());
            List<KeepAliveLoadClient> clients = new ArrayList<>();
            for (int i = 0; i < loadClients; i++) {
                clients.add(new KeepAliveLoadClient(s.port(), List.of("/load", "/load-worker"), "load"));
            }
            List<RawHttpConnection> gates = new ArrayList<>();
            for (int i = 0; i < gated; i++) {
                gates.add(RawHttpConnection.open(s.port()).send("GET /gate HTTP/1.1\r\nHost: t\r\n\r\n"));
            }
            assertTrue(s.handlers.gateEntered.tryAcquire(gated, 10, TimeUnit.SECONDS));
            for (KeepAliveLoadClient client : clients) {
                assertTrue(client.awaitWarmedUp(10, TimeUnit.SECONDS));
            }

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> s.server.stop(Duration.ofSeconds(20)));
            assertTrue(idle.isClosedByServer(), "idle connections close at once");
            s.handlers.gate.countDown();

            for (RawHttpConnection gate : gates) {
                Response r = gate.read();
                assertEquals("gate", r.body());
                assertEquals("close", r.header("connection"));
                assertTrue(gate.isClosedByServer());
                gate.close();
            }
            int received = 0;
            for (KeepAliveLoadClient client : clients) {
                assertTrue(client.await(20, TimeUnit.SECONDS));
                assertNull(client.failure());
                assertTrue(client.ended(), "the server closed every load connection");
                received += client.responses();
            }
            stopped.get(20, TimeUnit.SECONDS);
            assertEquals(s.handlers.loadRequests.get(), received, "every request the handler saw was answered");
            assertEquals(0, s.server.activeRequests());
        }
    }

    @OnEachTransport
    void secondServerWithReusePortOnTheSamePortFails(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            Server second = Server.create(ServerConfig.builder().host("127.0.0.1").port(s.port()).reusePort(true)
                    .ioThreads(2).transport(transport).build(), ex -> ex.end());
            assertThrows(BindException.class, second::start, "SO_REUSEPORT must not let two servers share a port");
        }
    }

    @OnEachTransport
    void portClashIsABindException(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            Server second = Server.create(ServerConfig.builder().host("127.0.0.1").port(s.port()).reusePort(false)
                    .transport(transport).build(), ex -> ex.end());
            assertThrows(BindException.class, second::start);
        }
    }
}
