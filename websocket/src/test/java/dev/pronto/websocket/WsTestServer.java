package dev.pronto.websocket;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.WebAppBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A server with WebSocket endpoints on an ephemeral loopback port, and a JDK WebSocket client that records events. */
final class WsTestServer implements AutoCloseable {

    final ProntoServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private WsTestServer(ProntoServer server) {
        this.server = server;
    }

    static WsTestServer start(Consumer<WebAppBuilder> app) throws Exception {
        return new WsTestServer(Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2))
                .webapp(app)
                .start());
    }

    int port() {
        return server.port();
    }

    Client connect(String path) throws Exception {
        Client client = new Client();
        client.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port() + path), client)
                .get(5, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public void close() {
        server.close();

    }

    /** Records what the server sends: whole text messages, binary messages, pongs, the close status. */
    static final class Client implements WebSocket.Listener {
        WebSocket socket;
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();
        final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                texts.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            binaries.add(copy);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            pongs.add(ByteBuffer.allocate(message.remaining()).put(message).flip());
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        String nextText() throws InterruptedException {
            return texts.poll(5, TimeUnit.SECONDS);
        }

        int closeStatus() throws Exception {
            return closed.get(5, TimeUnit.SECONDS);
        }
    }
}
