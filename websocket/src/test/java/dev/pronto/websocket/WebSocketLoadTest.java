package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many sessions at once, a client that stops reading, clients that vanish: bounded memory, no leaks. */
class WebSocketLoadTest {

    @Test
    void manyConcurrentSessionsEachGetTheirOwnEcho() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class))) {
            List<WsTestServer.Client> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                clients.add(s.connect("/echo"));
            }
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).socket.sendText("client " + i, true);
            }
            for (int i = 0; i < clients.size(); i++) {
                assertEquals("client " + i, clients.get(i).nextText());
            }
            for (WsTestServer.Client c : clients) {
                c.socket.sendClose(1000, "").get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aClientThatStopsReadingStopsTheSenderInsteadOfGrowingMemory() throws Exception {
        Endpoints.floodResults.clear();
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Flood.class)
                .initParameter(WebSocketSettings.SEND_TIMEOUT, "500"));
             RawHttpConnection c = RawHttpConnection.open(s.port()).timeout(5000)) {
            c.send(RawWebSocket.handshake("/flood", ""));
            assertEquals(101, c.read(true).status());
            c.send(RawWebSocket.text("go")); // and never read again
            Object result = Endpoints.floodResults.poll(60, TimeUnit.SECONDS);
            int sent = assertInstanceOf(Integer.class, result, "the send failed once the client stopped reading");
            // What was accepted is bounded by the socket buffers and one high-water mark, far below 100 000 x 64 KiB.
            assertTrue(sent < 1000, "sent " + sent + " messages of 64 KiB to a client that reads nothing");
        }
    }

    @Test
    void anAbruptDisconnectMidFrameEndsTheSessionWith1006() throws Exception {
        Endpoints.serverCloseCodes.clear();
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class))) {
            RawHttpConnection c = RawHttpConnection.open(s.port()).timeout(5000);
            c.send(RawWebSocket.handshake("/echo", ""));
            assertEquals(101, c.read(true).status());
            byte[] frame = RawWebSocket.text("x".repeat(100));
            c.send(java.util.Arrays.copyOf(frame, 40)); // half a frame, then gone
            c.close();
            assertEquals(1006, Endpoints.serverCloseCodes.poll(5, TimeUnit.SECONDS));
        }
    }
}
