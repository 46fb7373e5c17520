package dev.pronto.container;

import dev.pronto.testing.OnEachTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input over raw sockets, on each transport: a precise status, the connection closed, nothing reaches the
 * handler, and the server keeps serving the next client.
 */
class HardeningTest {

    static Stream<Arguments> badRequests() {
        String longTarget = "/" + "a".repeat(9000);
        String bigHeader = "X-Big: " + "b".repeat(9000) + "\r\n";
        return Stream.of(
                bad("CL and TE together", 400,
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                bad("differing Content-Length", 400,
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
                bad("invalid Content-Length", 400, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3a\r\n\r\nabc"),
                bad("negative Content-Length", 400, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n"),
                bad("obs-fold", 400, "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: one\r\n  two\r\n\r\n"),
                bad("whitespace before colon", 400, "GET /hello HTTP/1.1\r\nHost : t\r\n\r\n"),
                bad("control character in value", 400, "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u0001b\r\n\r\n"),
                bad("invalid token character in name", 400, "GET /hello HTTP/1.1\r\nHost: t\r\nX(A): b\r\n\r\n"),
                bad("invalid method token", 400, "G@T /hello HTTP/1.1\r\nHost: t\r\n\r\n"),
                bad("bare CR", 400, "GET /hello HTTP/1.1\r\nHost: t\rX-A: b\r\n\r\n"),
                bad("invalid chunk size", 400,
                        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
                bad("missing Host on 1.1", 400, "GET /hello HTTP/1.1\r\n\r\n"),
                bad("two Hosts", 400, "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                bad("unknown transfer coding", 501,
                        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n"),
                bad("coding before chunked", 501,
                        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                bad("target too long", 414, "GET " + longTarget + " HTTP/1.1\r\nHost: t\r\n\r\n"),
                bad("head too large", 431, "GET /hello HTTP/1.1\r\nHost: t\r\n" + bigHeader + "\r\n"),
                bad("declared body too large", 413,
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2000\r\n\r\n"),
                bad("streamed body too large", 413,
                        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + ("3e8\r\n" + "x".repeat(1000) + "\r\n").repeat(2) + "0\r\n\r\n"));
    }

    private static Arguments bad(String name, int status, String request) {
        return Arguments.of(name, status, request);
    }

    /** epoll, io_uring where the kernel allows it, and NIO. */
    private static Stream<Transport> nativeAndNio() {
        return dev.pronto.container.transport.TransportSupport.isIoUringAvailable()
                ? Stream.of(Transport.EPOLL, Transport.IO_URING, Transport.NIO) : Stream.of(Transport.EPOLL, Transport.NIO);
    }

    static Stream<Arguments> badRequestsOnEachTransport() {
        return badRequests().flatMap(a -> nativeAndNio()
                .map(t -> Arguments.of(t, a.get()[0], a.get()[1], a.get()[2])));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("badRequestsOnEachTransport")
    void badInputGetsPreciseStatusAndCloseAndServerKeepsServing(Transport transport, String name, int status,
                                                               String request) throws Exception {
        try (TestServer s = TestServer.start(transport, b -> b.maxBodySize(1024))) {
            try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
                c.send(request);
                Response r = c.read();
                assertEquals(status, r.status(), name);
                assertEquals("close", r.header("connection"), name);
                assertTrue(c.isClosedByServer(), name + ": connection closed");
            }
            assertServes(s);
        }
    }

    @OnEachTransport
    void slowHeadGets408AndClose(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport, b -> b.headTimeout(Duration.ofMillis(300)));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n");
            Response r = c.read();
            assertEquals(408, r.status());
            assertTrue(c.isClosedByServer());
            assertServes(s);
        }
    }

    @OnEachTransport
    void idleKeepAliveConnectionIsClosed(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport, b -> b.idleTimeout(Duration.ofMillis(300)));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, c.read().status());
            assertTrue(c.isClosedByServer(), "closed after the idle timeout");
        }
    }

    @OnEachTransport
    void connectionsBeyondTheCapAreClosed(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport, b -> b.maxConnections(2));
             RawHttpConnection a = RawHttpConnection.open(s.port());
             RawHttpConnection b = RawHttpConnection.open(s.port())) {
            a.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            b.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals(200, a.read().status());
            assertEquals(200, b.read().status());
            try (RawHttpConnection third = RawHttpConnection.open(s.port())) {
                assertTrue(third.isClosedByServer(), "the third connection is refused");
            }
        }
    }

    private static void assertServes(TestServer s) throws Exception {
        try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("hello", c.read().body());
        }
    }
}
