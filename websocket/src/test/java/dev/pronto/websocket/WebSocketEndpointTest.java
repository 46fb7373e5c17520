package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Jakarta WebSocket endpoints over real sockets with the JDK's WebSocket client. */
class WebSocketEndpointTest {

    @Test
    void echoesTextAndBinary() throws Exception {
        Endpoints.serverCloseCodes.clear();
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class))) {
            WsTestServer.Client c = s.connect("/echo");
            c.socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("hello", c.nextText());
            c.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), c.binaries.poll(5, TimeUnit.SECONDS));
            c.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
            assertEquals(1000, c.closeStatus(), "the server answers the close handshake with the same code");
            assertEquals(1000, Endpoints.serverCloseCodes.poll(5, TimeUnit.SECONDS), "@OnClose saw 1000");
        }
    }

    @Test
    void fragmentedMessageArrivesWhole() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class))) {
            WsTestServer.Client c = s.connect("/echo");
            c.socket.sendText("frag", false).get(5, TimeUnit.SECONDS);
            c.socket.sendText("men", false).get(5, TimeUnit.SECONDS);
            c.socket.sendText("ted", true).get(5, TimeUnit.SECONDS);
            assertEquals("fragmented", c.nextText());
        }
    }

    @Test
    void messageOverTheLimitClosesWith1009() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class)
                .initParameter(WebSocketSettings.MAX_MESSAGE_SIZE, "1024"))) {
            WsTestServer.Client c = s.connect("/echo");
            c.socket.sendText("x".repeat(100), true).get(5, TimeUnit.SECONDS);
            assertEquals("x".repeat(100), c.nextText());
            c.socket.sendText("y".repeat(4000), true);
            assertEquals(1009, c.closeStatus());
        }
    }

    @Test
    void fragmentedMessageOverTheLimitClosesWith1009() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class)
                .initParameter(WebSocketSettings.MAX_MESSAGE_SIZE, "1024"))) {
            WsTestServer.Client c = s.connect("/echo");
            for (int i = 0; i < 4; i++) {
                c.socket.sendText("z".repeat(500), false).get(5, TimeUnit.SECONDS);
            }
            c.socket.sendText("end", true);
            assertEquals(1009, c.closeStatus());
        }
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class))) {
            WsTestServer.Client c = s.connect("/echo");
            c.socket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));
            ByteBuffer pong = c.pongs.poll(5, TimeUnit.SECONDS);
            assertNotNull(pong);
            assertEquals("are you there", StandardCharsets.UTF_8.decode(pong).toString());
        }
    }

    @Test
    void pathTemplateParametersEncodersAndDecoders() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Room.class))) {
            WsTestServer.Client c = s.connect("/rooms/lobby");
            c.socket.sendText("ann:hi all", true).get(5, TimeUnit.SECONDS);
            assertEquals("[ann@lobby] hi all", c.nextText());
        }
    }

    @Test
    void aQueryStringStaysOutOfTheLastPathParameter() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Room.class))) {
            WsTestServer.Client c = s.connect("/rooms/lobby?lang=en");
            c.socket.sendText("ann:hi", true).get(5, TimeUnit.SECONDS);
            assertEquals("[ann@lobby] hi", c.nextText());
            c.socket.sendText("ann:uri", true).get(5, TimeUnit.SECONDS);
            String uri = c.nextText();
            assertTrue(uri.startsWith("[ann@lobby] ws://") && uri.endsWith(":" + s.port() + "/rooms/lobby?lang=en"),
                    "the query once in the session's URI: " + uri);
        }
    }

    /** Like Spring's upgrade strategy: a servlet upgrades to a config whose template is not the request's path. */
    static final class UpgradingServlet extends HttpServlet {
        private final Class<?> endpoint;
        private final String template;

        UpgradingServlet(Class<?> endpoint, String template) {
            this.endpoint = endpoint;
            this.template = template;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ServerContainer container = (ServerContainer) req.getServletContext()
                    .getAttribute(ServerContainer.class.getName());
            String last = req.getPathInfo().substring(1);
            try {
                container.upgradeHttpToWebSocket(req, resp, ServerEndpointConfig.Builder.create(endpoint, template)
                        .build(), Map.of("room", last, "game", last));
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IOException(e);
            }
        }
    }

    @Test
    void upgradeHttpToWebSocketPassesPathParametersToTheSession() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app
                .servlet("/play/*", new UpgradingServlet(Endpoints.PathReport.class, "/games/{game}")))) {
            WsTestServer.Client c = s.connect("/play/chess?level=3");
            assertEquals("path parameters {game=chess, level=3, room=chess}", c.nextText(),
                    "the caller's map; Tyrus lists the query parameters among the path parameters too");
        }
    }

    @Test
    void upgradeHttpToWebSocketPathParametersReachPathParam() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app
                .servlet("/enter/*", new UpgradingServlet(Endpoints.Room.class, "/rooms/{room}")))) {
            WsTestServer.Client c = s.connect("/enter/attic");
            c.socket.sendText("ann:hi", true).get(5, TimeUnit.SECONDS);
            assertEquals("[ann@attic] hi", c.nextText());
        }
    }

    @Test
    void sessionIdleTimeoutClosesTheSessionWith1001() throws Exception {
        Endpoints.serverCloseCodes.clear();
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class)
                .initParameter(WebSocketSettings.IDLE_TIMEOUT, "300"))) {
            WsTestServer.Client c = s.connect("/echo");
            int status = c.closed.get(10, TimeUnit.SECONDS);
            assertEquals(1001, status, "going away, as Tomcat and Jetty send");
            // @OnClose sees Tyrus's local 1006 (as on Tomcat), or the 1001 the client echoes when its close reply
            // reaches Tyrus first: which one is a race inside Tyrus, not something the wire shows
            Integer local = Endpoints.serverCloseCodes.poll(5, TimeUnit.SECONDS);
            assertTrue(local != null && (local == 1006 || local == 1001), "@OnClose code: " + local);
        }
    }

    @Test
    void anIdleTimeoutSetByTheEndpointClosesTheSession() throws Exception {
        try (WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.ShortIdle.class))) {
            WsTestServer.Client c = s.connect("/short-idle");
            c.socket.sendText("still here", true).get(5, TimeUnit.SECONDS);
            assertEquals("still here", c.nextText());
            assertEquals(1001, c.closed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void gracefulShutdownClosesSessionsWith1001() throws Exception {
        WsTestServer s = WsTestServer.start(app -> app.annotated(Endpoints.Echo.class));
        try {
            WsTestServer.Client c = s.connect("/echo");
            c.socket.sendText("before", true).get(5, TimeUnit.SECONDS);
            assertEquals("before", c.nextText());
            s.server.stop(Duration.ofSeconds(5)); // graceful: the sessions are told 1001 (going away)
            assertEquals(1001, c.closeStatus());
        } finally {
            s.close();
        }
    }
}
