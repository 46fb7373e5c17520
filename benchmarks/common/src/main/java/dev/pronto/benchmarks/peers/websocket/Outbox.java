package dev.pronto.benchmarks.peers.websocket;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;

/**
 * One session's queue of broadcast messages: at most one asynchronous send outstanding (Tomcat refuses a second, JSR
 * 356 leaves it open), the rest wait here and go out as each send completes. The load client bounds what is
 * queued (it keeps a fixed number of messages in flight). Any thread.
 */
final class Outbox implements SendHandler {

    private final RemoteEndpoint.Async remote;
    private final ArrayDeque<String> queued = new ArrayDeque<>();
    private boolean sending;

    Outbox(RemoteEndpoint.Async remote) {
        this.remote = remote;
    }

    void send(String message) {
        synchronized (this) {
            if (sending) {
                queued.add(message);
                return;
            }
            sending = true;
        }
        remote.sendText(message, this);
    }

    @Override
    public void onResult(SendResult result) {
        String next;
        synchronized (this) {
            next = result.isOK() ? queued.poll() : null;
            if (next == null) {
                sending = false;
                queued.clear();
                return;
            }
        }
        remote.sendText(next, this);
    }
}
