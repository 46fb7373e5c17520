package dev.pronto.benchmarks.peers.prontows;

import dev.pronto.benchmarks.peers.PeerMain;
import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.RunningPeer;
import dev.pronto.benchmarks.peers.websocket.BroadcastEndpoint;
import dev.pronto.benchmarks.peers.websocket.EchoEndpoint;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;

/**
 * Pronto serving the WebSocket benchmark's endpoints ({@link EchoEndpoint}, {@link BroadcastEndpoint}) with
 * pronto-websocket's defaults, as the Tomcat and Jetty peers serve them with theirs:
 * {@code java -jar peer-pronto-ws.jar [--port N] [--host A] [--threads N]} ({@code --threads}: event loops).
 */
public final class ProntoWebSocketServer {

    private ProntoWebSocketServer() {
    }

    public static void main(String[] args) {
        PeerMain.run("pronto-ws", true, args, ProntoWebSocketServer::start);
    }

    /** Starts the server; returns once it accepts. */
    public static RunningPeer start(PeerOptions options) throws Exception {
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        ProntoServer server = Pronto.server()
                .config(c -> c.host(options.host()).port(options.port()).ioThreads(threads))
                .webapp(app -> app.annotated(EchoEndpoint.class, BroadcastEndpoint.class))
                .start();
        return new RunningPeer() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public String description() {
                return threads + " event loops";
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
