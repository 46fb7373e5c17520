package dev.pronto.benchmarks.peers.websocket;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broadcast scenario: a text message from any session goes to every other open session, each through its own
 * {@link Outbox} (asynchronous sends, one outstanding per session, as every container allows). Sessions are kept in
 * one set for the whole server; containers call each session's methods one at a time.
 */
@ServerEndpoint(BroadcastEndpoint.PATH)
public final class BroadcastEndpoint {

    public static final String PATH = "/ws/broadcast";

    private static final Set<Outbox> SESSIONS = ConcurrentHashMap.newKeySet();

    private Outbox own;

    @OnOpen
    public void open(Session session) {
        own = new Outbox(session.getAsyncRemote());
        SESSIONS.add(own);
    }

    @OnMessage
    public void publish(String message) {
        for (Outbox outbox : SESSIONS) {
            if (outbox != own) {
                outbox.send(message);
            }
        }
    }

    @OnClose
    public void close() {
        SESSIONS.remove(own);
    }

    @OnError
    public void error(Throwable error) {
        SESSIONS.remove(own); // a failed send or a dropped client; the container closes the session
    }

    /** How many sessions receive broadcasts (for tests). */
    public static int sessions() {
        return SESSIONS.size();
    }
}
