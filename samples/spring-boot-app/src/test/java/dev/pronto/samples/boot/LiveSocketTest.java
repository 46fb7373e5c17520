package dev.pronto.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The live page's sockets end to end: Spring's raw WebSocketHandler, STOMP over WebSocket, SockJS fallback. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveSocketTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    private Messages connect(String path) throws Exception {
        Messages messages = new Messages();
        messages.socket = client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + path), messages).get(10, TimeUnit.SECONDS);
        return messages;
    }

    @Test
    void rawWebSocketHandlerEchoes() throws Exception {
        Messages ws = connect("/ws/echo");
        ws.socket.sendText("hi", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo: hi", ws.next());
        ws.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    @Test
    void stompCounterIsBroadcastToSubscribers() throws Exception {
        Messages ws = connect("/stomp/websocket");
        ws.socket.sendText(frame("CONNECT", "accept-version:1.2\nhost:localhost", ""), true).get(5, TimeUnit.SECONDS);
        assertTrue(ws.next().startsWith("CONNECTED"));
        // The endpoint preserves the receive order, so the subscription is in place before the SEND is handled.
        ws.socket.sendText(frame("SUBSCRIBE", "id:0\ndestination:/topic/count", ""), true).get(5, TimeUnit.SECONDS);
        ws.socket.sendText(frame("SEND", "destination:/app/count\ncontent-type:text/plain", "1"), true);
        String message = ws.next();
        assertTrue(message.startsWith("MESSAGE"), message);
        long value = Long.parseLong(message.substring(message.indexOf("\n\n") + 2).replace("\0", "").trim());
        assertTrue(value >= 1);
        ws.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    @Test
    void sockJsInfoAndXhrFallback() throws Exception {
        HttpResponse<String> info = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/stomp/info")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, info.statusCode());
        assertTrue(info.body().contains("\"websocket\":true"), info.body());
        // SockJS's XHR polling transport, for clients where WebSocket is blocked: "o" opens the session.
        HttpResponse<String> open = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/stomp/123/abcdef/xhr"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, open.statusCode());
        assertEquals("o\n", open.body());
    }

    @Test
    void livePageIsServed() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/live.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/ws/echo"));
    }

    private static String frame(String command, String headers, String body) {
        return command + "\n" + headers + "\n\n" + body + "\0";
    }

    /** Whole text messages as they arrive. */
    static final class Messages implements WebSocket.Listener {
        WebSocket socket;
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String message = queue.poll(30, TimeUnit.SECONDS);
            assertNotNull(message, "no message within 30s");
            return message;
        }
    }
}
