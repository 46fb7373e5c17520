package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.Pronto;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WAR's {@code @ServerEndpoint} is found by the deployer's scan and the WebSocket initializer's {@code @HandlesTypes}. */
class WarWebSocketTest {

    @TempDir
    Path dir;

    static final String ENDPOINT = """
            package chat;
            import jakarta.websocket.OnMessage;
            import jakarta.websocket.server.PathParam;
            import jakarta.websocket.server.ServerEndpoint;
            @ServerEndpoint("/rooms/{room}")
            public class RoomEndpoint {
                @OnMessage public String say(String text, @PathParam("room") String room) { return room + ": " + text; }
            }
            """;

    @Test
    void scannedEndpointAnswersUnderTheContextPath() throws Exception {
        Path war = TestWar.in(dir.resolve("build")).classes(ENDPOINT).pack(dir.resolve("chat.war"));
        try (Http http = new Http(Pronto.server().war(war))) {
            CompletableFuture<String> reply = new CompletableFuture<>();
            WebSocket ws = http.client.newWebSocketBuilder().buildAsync(
                    URI.create("ws://127.0.0.1:" + http.server.port() + "/chat/rooms/lobby"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            reply.complete(data.toString());
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("lobby: hello", reply.get(10, TimeUnit.SECONDS));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
    }
}
