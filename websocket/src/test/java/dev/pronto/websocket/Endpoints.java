package dev.pronto.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;

/** Endpoints used by the WebSocket tests. */
final class Endpoints {

    static final LinkedBlockingQueue<Integer> serverCloseCodes = new LinkedBlockingQueue<>();

    private Endpoints() {
    }

    @ServerEndpoint("/echo")
    public static final class Echo {
        @OnMessage
        public String text(String message) {
            return message;
        }

        @OnMessage
        public ByteBuffer binary(ByteBuffer message) {
            return message;
        }

        @OnClose
        public void close(CloseReason reason) {
            serverCloseCodes.add(reason.getCloseCode().getCode());
        }
    }

    static final LinkedBlockingQueue<Object> floodResults = new LinkedBlockingQueue<>();

    /** On "go", sends 64 KiB messages until a send fails (the client does not read), then reports how many it sent. */
    @ServerEndpoint("/flood")
    public static final class Flood {
        @OnMessage
        public void go(String message, Session session) {
            String chunk = "f".repeat(64 * 1024);
            int sent = 0;
            try {
                while (sent < 100_000) {
                    session.getBasicRemote().sendText(chunk);
                    sent++;
                }
                floodResults.add("never stopped");
            } catch (Exception e) {
                floodResults.add(sent);
            }
        }

        @OnClose
        public void close(CloseReason reason) {
            serverCloseCodes.add(reason.getCloseCode().getCode());
        }
    }

    /** A chat line, decoded from and encoded to {@code user:text}. */
    public record Line(String user, String text) {
    }

    public static final class LineDecoder implements Decoder.Text<Line> {
        @Override
        public Line decode(String s) throws DecodeException {
            int colon = s.indexOf(':');
            if (colon < 0) {
                throw new DecodeException(s, "no colon");
            }
            return new Line(s.substring(0, colon), s.substring(colon + 1));
        }

        @Override
        public boolean willDecode(String s) {
            return s.indexOf(':') >= 0;
        }
    }

    public static final class LineEncoder implements Encoder.Text<Line> {
        @Override
        public String encode(Line line) throws EncodeException {
            return "[" + line.user() + "] " + line.text();
        }
    }

    @ServerEndpoint(value = "/rooms/{room}", decoders = LineDecoder.class, encoders = LineEncoder.class)
    public static final class Room {
        @OnMessage
        public void line(Line line, @PathParam("room") String room, Session session) throws Exception {
            String text = line.text().equals("uri") ? session.getRequestURI().toString() : line.text();
            session.getBasicRemote().sendObject(new Line(line.user() + "@" + room, text));
        }
    }

    /** Programmatic: on open, tells the client its session's path parameters. */
    public static final class PathReport extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.getAsyncRemote().sendText("path parameters " + new java.util.TreeMap<>(session.getPathParameters()));
        }
    }

    /** Sets its own idle timeout when it opens, on a server without a default one. */
    @ServerEndpoint("/short-idle")
    public static final class ShortIdle {
        @OnOpen
        public void open(Session session) {
            session.setMaxIdleTimeout(300);
        }

        @OnMessage
        public String echo(String message) {
            return message;
        }
    }
}
