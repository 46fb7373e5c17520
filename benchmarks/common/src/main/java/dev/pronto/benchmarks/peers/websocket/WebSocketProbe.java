package dev.pronto.benchmarks.peers.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a running server serves the WebSocket benchmark's endpoints (JDK WebSocket client, loopback); for the
 * peers' tests. Throws {@link AssertionError} naming the first difference.
 */
public final class WebSocketProbe {

    private WebSocketProbe() {
    }

    /** {@link EchoEndpoint} answers a message with itself; {@link BroadcastEndpoint} passes one to another session. */
    public static void assertServesEchoAndBroadcast(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Texts echo = new Texts();
        WebSocket e = connect(http, port, EchoEndpoint.PATH, echo);
        e.sendText("ping", true).get(5, TimeUnit.SECONDS);
        expect("echo", "ping", echo.queue.poll(5, TimeUnit.SECONDS));
        e.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);

        Texts subscriber = new Texts();
        WebSocket s = connect(http, port, BroadcastEndpoint.PATH, subscriber);
        WebSocket p = connect(http, port, BroadcastEndpoint.PATH, new Texts());
        String got = null;
        for (int i = 0; i < 100 && got == null; i++) { // the subscriber's @OnOpen may run after its handshake returned
            p.sendText("news", true).get(5, TimeUnit.SECONDS);
            got = subscriber.queue.poll(50, TimeUnit.MILLISECONDS);
        }
        expect("broadcast", "news", got);
        s.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        p.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    private static WebSocket connect(HttpClient http, int port, String path, Texts listener) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener)
                .get(5, TimeUnit.SECONDS);
    }

    private static void expect(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    /** Whole text messages as they arrive. */
    private static final class Texts implements WebSocket.Listener {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                queue.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
