package dev.pronto.benchmarks.peers.jetty;

import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.PeerProbe;
import dev.pronto.benchmarks.peers.RunningPeer;
import dev.pronto.benchmarks.peers.websocket.WebSocketProbe;
import org.junit.jupiter.api.Test;

class JettyServerTest {

    @Test
    void servesPlaintextAndJson() throws Exception {
        try (RunningPeer server = JettyServer.start(PeerOptions.ephemeral())) {
            PeerProbe.assertServesHelloWorld(server.port());
        }
    }

    @Test
    void servesTheWebSocketEndpoints() throws Exception {
        try (RunningPeer server = JettyServer.start(PeerOptions.ephemeral())) {
            WebSocketProbe.assertServesEchoAndBroadcast(server.port());
        }
    }

    @Test
    void speaksH2cWithHttp2() throws Exception {
        try (RunningPeer server = JettyServer.start(PeerOptions.ephemeral().withHttp2(true))) {
            PeerProbe.assertServesHelloWorld(server.port());
            PeerProbe.assertServesH2c(server.port());
        }
    }

    @Test
    void servesHttpsWithTls() throws Exception {
        try (RunningPeer server = JettyServer.start(PeerOptions.ephemeral().withTls(true))) {
            PeerProbe.assertServesHelloWorldOverTls(server.port());
        }
    }

    @Test
    void negotiatesH2ByAlpnWithTlsAndHttp2() throws Exception {
        try (RunningPeer server = JettyServer.start(PeerOptions.ephemeral().withTls(true).withHttp2(true))) {
            PeerProbe.assertServesH2OverTls(server.port());
            PeerProbe.assertServesHelloWorldOverTls(server.port());
        }
    }
}
