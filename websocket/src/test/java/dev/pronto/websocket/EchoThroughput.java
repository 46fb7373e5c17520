package dev.pronto.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a small echo load loop for the README's numbers. {@code connections} JDK WebSocket clients each keep one
 * 64-byte text message in flight against {@link Endpoints.Echo} for {@code seconds}; prints round trips per second.
 * Run: {@code java -cp <test classpath> dev.pronto.websocket.EchoThroughput [connections] [seconds]}.
 */
public final class EchoThroughput {

    private EchoThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String message = "x".repeat(64);
        try (WsTestServer server = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class))) {
            HttpClient http = HttpClient.newHttpClient();
            AtomicLong roundTrips = new AtomicLong();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                sockets.add(http.newWebSocketBuilder().buildAsync(
                        URI.create("ws://127.0.0.1:" + server.port() + "/echo"), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                if (last) {
                                    roundTrips.incrementAndGet();
                                    ws.sendText(message, true);
                                }
                                ws.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS));
            }
            sockets.forEach(ws -> ws.sendText(message, true));
            Thread.sleep(2000); // warm-up
            long start = roundTrips.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long done = roundTrips.get() - start;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d connections, %ds: %.0f echo round trips/s%n", connections, seconds, done / elapsed);
            List<CompletableFuture<WebSocket>> closes = new ArrayList<>();
            sockets.forEach(ws -> closes.add(ws.sendClose(1000, "")));
            CompletableFuture.allOf(closes.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        }
    }
}
