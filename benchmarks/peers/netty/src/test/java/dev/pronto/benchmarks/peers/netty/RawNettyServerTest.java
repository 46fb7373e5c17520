package dev.pronto.benchmarks.peers.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.PeerProbe;
import dev.pronto.benchmarks.peers.RunningPeer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawNettyServerTest {

    @ParameterizedTest(name = "epoll preferred: {0}")
    @ValueSource(booleans = {true, false})
    void servesPlaintextAndJsonOnEachTransport(boolean preferEpoll) throws Exception {
        try (RunningPeer server = RawNettyServer.start(PeerOptions.ephemeral(), preferEpoll)) {
            assertTrue(server.description().startsWith(preferEpoll ? "epoll" : "nio"), server.description());
            PeerProbe.assertServesHelloWorld(server.port());
        }
    }
}
