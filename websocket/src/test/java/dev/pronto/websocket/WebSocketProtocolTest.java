package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** RFC 6455 edge cases over raw sockets: masking, bad frames, pipelining behind the handshake, RFC 7692. */
class WebSocketProtocolTest {

    private static RawHttpConnection open(WsTestServer s, String extraHeaders) throws Exception {
        RawHttpConnection c = RawHttpConnection.open(s.port()).timeout(5000);
        c.send(RawWebSocket.handshake("/echo", extraHeaders));
        RawHttpConnection.Response head = c.read(true);
        assertEquals(101, head.status());
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", head.header("sec-websocket-accept"));
        return c;
    }

    @Test
    void maskedTextIsEchoed() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class));
             RawHttpConnection c = open(s, "")) {
            c.send(RawWebSocket.text("raw"));
            RawWebSocket.Frame frame = RawWebSocket.read(c);
            assertEquals(1, frame.opcode());
            assertEquals("raw", new String(frame.payload(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void unmaskedClientFrameIsClosedWith1002() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class));
             RawHttpConnection c = open(s, "")) {
            // RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
            c.send(RawWebSocket.frame(0x81, "bare".getBytes(StandardCharsets.UTF_8), false));
            RawWebSocket.Frame frame = RawWebSocket.read(c);
            assertEquals(8, frame.opcode());
            assertEquals(1002, frame.closeCode());
            assertTrue(c.isClosedByServer());
        }
    }

    @Test
    void reservedOpcodeIsClosedWith1002() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class));
             RawHttpConnection c = open(s, "")) {
            c.send(RawWebSocket.frame(0x83, new byte[] {1}, true)); // §5.2: opcode 3 is reserved
            RawWebSocket.Frame frame = RawWebSocket.read(c);
            assertEquals(8, frame.opcode());
            assertEquals(1002, frame.closeCode());
        }
    }

    @Test
    void frameOverTheLimitIsClosedWith1009BeforeItArrives() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class)
                .initParameter(WebSocketSettings.MAX_MESSAGE_SIZE, "100"));
             RawHttpConnection c = open(s, "")) {
            byte[] header = {(byte) 0x82, (byte) (0x80 | 127), 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4}; // 4 GiB
            c.send(header);
            RawWebSocket.Frame frame = RawWebSocket.read(c);
            assertEquals(8, frame.opcode());
            assertEquals(1009, frame.closeCode());
        }
    }

    @Test
    void anHttpRequestPipelinedBehindTheHandshakeIsNotServed() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServlet counter = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                served.incrementAndGet();
            }
        };
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class)
                .servlet("/count", counter));
             RawHttpConnection c = RawHttpConnection.open(s.port()).timeout(5000)) {
            c.send(RawWebSocket.handshake("/echo", "") + "GET /count HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(101, c.read(true).status());
            // The HTTP bytes are read as WebSocket frames: 'G' is not a valid frame start (RSV bits, no mask).
            RawWebSocket.Frame frame = RawWebSocket.read(c);
            assertEquals(8, frame.opcode());
            assertEquals(1002, frame.closeCode());
            assertTrue(c.isClosedByServer());
        }
        assertEquals(0, served.get(), "the pipelined request never reached the application");
    }

    @Test
    void perMessageDeflateIsNegotiated() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class));
             RawHttpConnection c = RawHttpConnection.open(s.port()).timeout(5000)) {
            c.send(RawWebSocket.handshake("/echo", "Sec-WebSocket-Extensions: permessage-deflate\r\n"));
            RawHttpConnection.Response head = c.read(true);
            assertEquals(101, head.status());
            assertTrue(head.header("sec-websocket-extensions").startsWith("permessage-deflate"),
                    head.header("sec-websocket-extensions"));
            // RFC 7692 §7.2.3.1: "Hello" compressed (BFINAL, fixed Huffman) without the 00 00 ff ff tail, RSV1 set.
            byte[] hello = {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00};
            c.send(RawWebSocket.frame(0xc1, hello, true));
            RawWebSocket.Frame frame = RawWebSocket.read(c);
            assertEquals(1, frame.opcode());
            java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
            byte[] in = java.util.Arrays.copyOf(frame.payload(), frame.payload().length + 4);
            in[in.length - 2] = (byte) 0xff;
            in[in.length - 1] = (byte) 0xff;
            inflater.setInput(in);
            byte[] out = new byte[64];
            int n = inflater.inflate(out);
            inflater.end();
            assertEquals("Hello", new String(out, 0, n, StandardCharsets.UTF_8), "the echo is compressed too");
        }
    }

    @Test
    void plainGetToAnEndpointPathIs426() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class));
             RawHttpConnection c = RawHttpConnection.open(s.port()).timeout(5000)) {
            c.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(426, c.read().status());
        }
    }
}
