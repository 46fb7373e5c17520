package dev.pronto.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Start, bind errors and graceful stop over real sockets, on each transport. */
class GracefulShutdownTest {

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"EPOLL", "NIO"})
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

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"EPOLL", "NIO"})
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
     * Every request the handler saw gets its whole response, the last response on a connection says close and
     * nothing follows it, and requests arriving after it are not run.
     */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"EPOLL", "NIO"})
    void underLoadEveryRequestInFlightFinishesAndTheLastResponseSaysClose(Transport transport) throws Exception {
        int loadClients = 8;
        int gated = 4;
        try (TestServer s = TestServer.start(transport);
             RawHttpConnection idle = RawHttpConnection.open(s.port())) {
            idle.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, idle.read().status());
            List<LoadClient> clients = new ArrayList<>();
            for (int i = 0; i < loadClients; i++) {
                clients.add(new LoadClient(RawHttpConnection.open(s.port())));
            }
            List<RawHttpConnection> gates = new ArrayList<>();
            for (int i = 0; i < gated; i++) {
                gates.add(RawHttpConnection.open(s.port()).send("GET /gate HTTP/1.1\r\nHost: t\r\n\r\n"));
            }
            assertTrue(s.handlers.gateEntered.tryAcquire(gated, 10, TimeUnit.SECONDS));
            for (LoadClient client : clients) {
                assertTrue(client.warmedUp.await(10, TimeUnit.SECONDS));
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
            for (LoadClient client : clients) {
                client.thread.join(20_000);
                assertNull(client.failure, () -> "load client failed: " + client.failure);
                assertTrue(client.ended, "the server closed every load connection");
                received += client.responses;
            }
            stopped.get(20, TimeUnit.SECONDS);
            assertEquals(s.handlers.loadRequests.get(), received, "every request the handler saw was answered");
            assertEquals(0, s.server.activeRequests());
        }
    }

    /**
     * One keep-alive client sending requests back to back (alternately answered on the event loop and on a worker)
     * until the server closes the connection: between two requests (closed while idle), or after a response that
     * says close. Anything else (a cut response, data after close, a wrong body) is a failure.
     */
    private static final class LoadClient implements Runnable {
        final RawHttpConnection connection;
        final CountDownLatch warmedUp = new CountDownLatch(1);
        final Thread thread = new Thread(this, "load-client");
        volatile int responses;
        volatile boolean ended;
        volatile String failure;

        LoadClient(RawHttpConnection connection) {
            this.connection = connection;
            thread.start();
        }

        @Override
        public void run() {
            try (connection) {
                for (int i = 0; ; i++) {
                    String path = i % 2 == 0 ? "/load" : "/load-worker";
                    Response r;
                    try {
                        connection.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
                        r = connection.read();
                    } catch (IOException e) {
                        ended = true; // closed while idle: this request was never taken
                        return;
                    }
                    if (r.status() != 200 || !"load".equals(r.body())) {
                        failure = "bad response " + r;
                        return;
                    }
                    responses++;
                    if (i == 20) {
                        warmedUp.countDown();
                    }
                    if ("close".equals(r.header("connection"))) {
                        ended = connection.isClosedByServer();
                        if (!ended) {
                            failure = "still open after a response saying close";
                        }
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e.toString();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"EPOLL", "NIO"})
    void secondServerWithReusePortOnTheSamePortFails(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            Server second = Server.create(ServerConfig.builder().host("127.0.0.1").port(s.port()).reusePort(true)
                    .ioThreads(2).transport(transport).build(), ex -> ex.end());
            assertThrows(BindException.class, second::start, "SO_REUSEPORT must not let two servers share a port");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"EPOLL", "NIO"})
    void portClashIsABindException(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            Server second = Server.create(ServerConfig.builder().host("127.0.0.1").port(s.port()).reusePort(false)
                    .transport(transport).build(), ex -> ex.end());
            assertThrows(BindException.class, second::start);
        }
    }
}
