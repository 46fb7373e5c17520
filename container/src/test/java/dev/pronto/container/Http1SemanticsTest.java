package dev.pronto.container;

import dev.pronto.testing.OnEachTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** HTTP/1.1 semantics over real sockets (RFC 9112/9110), on each transport. */
class Http1SemanticsTest {

    @OnEachTransport
    void jdkClientGetsResponseWithDateServerAndLength(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.port() + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode());
            assertEquals("hello", res.body());
            assertEquals("5", res.headers().firstValue("content-length").orElseThrow());
            assertTrue(res.headers().firstValue("date").orElseThrow().endsWith(" GMT"));
            assertEquals("Pronto", res.headers().firstValue("server").orElseThrow());
            assertEquals(transport, s.server.transport());
        }
    }

    @OnEachTransport
    void pipelinedRequestsAreAnsweredInOrderEvenWhenLaterOnesFinishFirst(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                batch.append("GET /reverse HTTP/1.1\r\nHost: t\r\n\r\n");
            }
            c.send(batch.toString());
            List<Response> responses = c.read(16);
            for (int i = 0; i < 16; i++) {
                assertEquals("r" + (i + 1), responses.get(i).body());
            }
        }
    }

    @OnEachTransport
    void moreThanMaxPipelinedRequestsStillAllGetAnswers(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport, b -> b.maxPipelined(4));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /number HTTP/1.1\r\nHost: t\r\n\r\n".repeat(40));
            List<Response> responses = c.read(40);
            for (int i = 0; i < 40; i++) {
                assertEquals(Integer.toString(i + 1), responses.get(i).body());
            }
        }
    }

    @OnEachTransport
    void connectionCloseIsHonouredAfterPendingPipelinedResponses(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /slow?ms=100 HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            Response first = c.read();
            Response second = c.read();
            assertEquals("slow", first.body());
            assertNull(first.header("connection"));
            assertEquals("hello", second.body());
            assertEquals("close", second.header("connection"));
            assertTrue(c.isClosedByServer(), "no response to the request after Connection: close");
        }
    }

    @OnEachTransport
    void http10ClosesUnlessKeepAliveIsAsked(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
                c.send("GET /hello HTTP/1.0\r\n\r\n");
                Response r = c.read();
                assertEquals("HTTP/1.1 200 OK", r.statusLine());
                assertEquals("close", r.header("connection"));
                assertTrue(c.isClosedByServer());
            }
            try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
                c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertEquals("keep-alive", c.read().header("connection"));
                c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertEquals("hello", c.read().body());
            }
        }
    }

    @OnEachTransport
    void headResponseHasLengthButNoBody(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            Response head = c.read(true);
            assertEquals(200, head.status());
            assertEquals("5", head.header("content-length"));
            Response get = c.read();
            assertEquals("hello", get.body(), "the HEAD response carried no body bytes");
        }
    }

    @OnEachTransport
    void expectContinueIsAnsweredWhenTheHandlerReadsTheBody(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            Response interim = c.read();
            assertEquals(100, interim.status());
            c.send("ping");
            Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("ping", r.body());
        }
    }

    @OnEachTransport
    void expectContinueIsNotSentWhenTheHandlerAnswersWithoutReading(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("POST /ignore-body HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            Response r = c.read();
            assertEquals(200, r.status(), "the final response comes first, no 100");
            assertEquals("ignored", r.body());
            assertEquals("close", r.header("connection"));
        }
    }

    @OnEachTransport
    void unknownExpectationGets417(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\nExpect: teapot\r\n\r\n");
            assertEquals(417, c.read().status());
        }
    }

    @OnEachTransport
    void absoluteFormAndAsteriskFormReachTheHandler(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET http://example.com/headers HTTP/1.1\r\nHost: example.com\r\n\r\n"
                    + "OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n");
            Response absolute = c.read();
            assertEquals("http://example.com/headers", absolute.header("x-target"));
            Response options = c.read();
            assertEquals(404, options.status(), "OPTIONS * reaches the handler, which knows no such path");
        }
    }

    @OnEachTransport
    void requestBodiesAreStreamedFixedAndChunked(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello world");
            assertEquals("hello world", c.read().body());
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Sum: 1\r\n\r\n");
            Response chunked = c.read();
            assertEquals("hello world", chunked.body());
            assertEquals("[x-sum]", chunked.header("x-trailers").toLowerCase());
        }
    }

    @OnEachTransport
    void largeBodyIsStreamedThroughWithBackpressure(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            byte[] body = new byte[8 * 1024 * 1024];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) ('a' + i % 26);
            }
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + s.port() + "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, res.statusCode());
            assertTrue(java.util.Arrays.equals(body, res.body()));
        }
    }

    @OnEachTransport
    void streamedResponseIsChunkedWithTrailers(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /stream?chunks=3 HTTP/1.1\r\nHost: t\r\n\r\n");
            Response r = c.read();
            assertEquals("chunked", r.header("transfer-encoding"));
            assertEquals("chunk0;chunk1;chunk2;", r.body());
            assertEquals("done", r.trailers().get("x-checksum"));
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("hello", c.read().body(), "connection reusable after a chunked response");
        }
    }

    @OnEachTransport
    void http10StreamedResponseIsCloseDelimited(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /stream?chunks=2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            Response r = c.read();
            assertNull(r.header("transfer-encoding"));
            assertEquals("chunk0;chunk1;", r.body());
        }
    }

    @OnEachTransport
    void serverHeaderIsConfigurableAndCanBeOmitted(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport, b -> b.serverHeader(""));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            Response r = c.read();
            assertNull(r.header("server"));
            assertNotNull(r.header("date"));
        }
        try (TestServer s = TestServer.start(transport, b -> b.serverHeader("Acme/1"));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("Acme/1", c.read().header("server"));
        }
    }

    @OnEachTransport
    void handlerExceptionBecomes500AndServerKeepsServing(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport)) {
            try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
                c.send("GET /fail HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(500, c.read().status());
            }
            try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
                c.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(200, c.read().status());
                assertFalse(c.timeout(300).isClosedByServer());
            }
        }
    }
}
