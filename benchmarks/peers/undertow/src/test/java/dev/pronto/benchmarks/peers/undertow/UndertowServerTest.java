package dev.pronto.benchmarks.peers.undertow;

import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.PeerProbe;
import dev.pronto.benchmarks.peers.RunningPeer;
import org.junit.jupiter.api.Test;

class UndertowServerTest {

    @Test
    void servesPlaintextAndJson() throws Exception {
        try (RunningPeer server = UndertowServer.start(PeerOptions.ephemeral())) {
            PeerProbe.assertServesHelloWorld(server.port());
        }
    }
}
