package dev.pronto.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
