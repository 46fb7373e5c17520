package dev.pronto.benchmarks.peers.prontows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.benchmarks.peers.PeerOptions;
import dev.pronto.benchmarks.peers.RunningPeer;
import dev.pronto.benchmarks.peers.websocket.WebSocketProbe;
import org.junit.jupiter.api.Test;

/** Pronto's WebSocket peer serves the shared endpoints, and the load client drives both scenarios against it. */
class ProntoWebSocketServerTest {

    @Test
    void servesTheWebSocketEndpoints() throws Exception {
        try (RunningPeer server = ProntoWebSocketServer.start(PeerOptions.ephemeral())) {
            WebSocketProbe.assertServesEchoAndBroadcast(server.port());
        }
    }

    @Test
    void loadClientCountsEchoesAndBroadcastDeliveries() throws Exception {
        try (RunningPeer server = ProntoWebSocketServer.start(PeerOptions.ephemeral())) {
            String port = String.valueOf(server.port());
            long self = ProcessHandle.current().pid();
            for (String scenario : new String[] {"echo", "broadcast"}) {
                WebSocketLoad.Result result = WebSocketLoad.run(WebSocketLoad.Options.parse(new String[] {scenario,
                        "--port", port, "--connections", "4", "--in-flight", "2", "--warmup", "0", "--duration", "1",
                        "--server-pid", String.valueOf(self)}));
                assertEquals(scenario, result.scenario());
                assertTrue(result.messages() > 0, scenario + ": messages arrived");
                assertTrue(result.serverCpuSeconds() >= 0, scenario + ": the server's CPU time was read");
                assertTrue(result.line().startsWith("RESULT scenario=" + scenario + " messages="), result.line());
            }
        }
    }
}
