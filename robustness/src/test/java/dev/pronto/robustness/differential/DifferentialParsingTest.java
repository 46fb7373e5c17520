package dev.pronto.robustness.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.robustness.differential.DifferentialCorpus.Case;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential parsing: every {@link DifferentialCorpus} case goes over a real socket to Pronto, embedded Tomcat
 * and Jetty, each with default settings and the same {@link ProbeServlet}; each answer is classified by status
 * class and whether the servlet ran. Pronto disagrees when its verdict matches neither peer's. The disagreements
 * must be exactly those listed in {@code differential-expected.txt} (stricter or lenient on purpose, or rejected
 * with another status, each with its RFC reason; known bugs are listed but not asserted): a new one fails, and so
 * does one that went away, so the list changes with the change that caused it. The whole table goes to
 * {@code target/differential-report.txt}.
 */
class DifferentialParsingTest {

    private static final List<Peer> PEERS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        PEERS.add(Peer.pronto());
        PEERS.add(Peer.tomcat());
        PEERS.add(Peer.jetty());
        byte[] warmUp = "GET /warm-up HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (Peer peer : PEERS) {
            // The first request loads each container's request path; it must not be mistaken for a server that waits.
            assertEquals("2xx+servlet", Outcome.of(peer, warmUp, 60_000).verdict(), peer.name + " does not serve");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Peer peer : PEERS) {
            peer.close();
        }
    }

    @Test
    void prontoDisagreesWithBothPeersExactlyWhereDocumented() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        StringBuilder report = new StringBuilder(String.format("%-44s %-14s %-14s %-14s%n", "case", "pronto",
                "tomcat", "jetty"));
        for (Case c : DifferentialCorpus.all()) {
            Outcome pronto = Outcome.of(PEERS.get(0), c.bytes());
            Outcome tomcat = Outcome.of(PEERS.get(1), c.bytes());
            Outcome jetty = Outcome.of(PEERS.get(2), c.bytes());
            boolean disagrees = !pronto.verdict().equals(tomcat.verdict()) && !pronto.verdict().equals(jetty.verdict());
            if (disagrees) {
                actual.put(c.id(), pronto.verdict());
            }
            report.append(String.format("%-44s %-14s %-14s %-14s%s%n", c.id(), pronto.detail(), tomcat.detail(),
                    jetty.detail(), disagrees ? "  <- differs" : ""));
        }
        Path out = Path.of("target", "differential-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        // A known bug's outcome may still vary from run to run (issue 9 (5): the servlet runs, sometimes after the
        // 400 went out); it is listed, but not asserted until its fix turns it into a STRICTER or LENIENT entry.
        Map<String, String> expected = new TreeMap<>();
        ExpectedDisagreements.load().forEach((id, entry) -> {
            if (entry.kind() == ExpectedDisagreements.Kind.BUG) {
                actual.remove(id);
            } else {
                expected.put(id, entry.prontoVerdict());
            }
        });
        assertEquals(describe(expected), describe(actual),
                "Pronto's disagreements with Tomcat and Jetty changed (full table: " + out.toAbsolutePath() + ")");
    }

    private static String describe(Map<String, String> disagreements) {
        StringBuilder sb = new StringBuilder();
        disagreements.forEach((id, verdict) -> sb.append(id).append(" -> pronto ").append(verdict).append('\n'));
        return sb.toString();
    }
}
