package dev.pronto.benchmarks.peers.websocket;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The echo scenario: every text message comes back as it is, sent by the container from the returned value. One
 * instance per session; the container calls it one message at a time.
 */
@ServerEndpoint(EchoEndpoint.PATH)
public final class EchoEndpoint {

    public static final String PATH = "/ws/echo";

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
