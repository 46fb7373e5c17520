package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each server unpacks its WARs into a work directory of its own under {@code java.io.tmpdir}, deleted when the
 * server is destroyed; a configured one is kept (and reused by the next run).
 */
class WorkDirectoryTest {

    @TempDir
    Path dir;

    private Path war() throws Exception {
        return TestWar.in(dir.resolve("build")).file("index.html", "shop").pack(dir.resolve("shop.war"));
    }

    private static String get(ProntoServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean holds(Path work, String name) throws Exception {
        try (Stream<Path> files = Files.walk(work)) {
            return files.anyMatch(p -> p.endsWith(name));
        }
    }

    @Test
    void eachServerHasItsOwnWorkDirectoryDeletedAtDestroy() throws Exception {
        Path war = war();
        ProntoServer first = Pronto.server().config(c -> c.host("127.0.0.1").port(0).ioThreads(1)).war(war).start();
        ProntoServer second = Pronto.server().config(c -> c.host("127.0.0.1").port(0).ioThreads(1)).war(war).start();
        Path firstWork = first.workDirectory();
        Path secondWork = second.workDirectory();
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")), firstWork.getParent());
            assertTrue(firstWork.getFileName().toString().startsWith("pronto-work-"), firstWork.toString());
            assertNotEquals(firstWork, secondWork, "one per server");
            assertTrue(holds(firstWork, "index.html"));
            assertEquals("shop", get(first, "/shop/"));
            first.stop(java.time.Duration.ZERO);
            assertTrue(Files.exists(firstWork), "stop keeps it: the server may start again");
        } finally {
            first.destroy();
            second.destroy();
        }
        assertFalse(Files.exists(firstWork));
        assertFalse(Files.exists(secondWork));
    }

    @Test
    void aConfiguredWorkDirectoryIsKept() throws Exception {
        Path work = dir.resolve("work");
        ProntoServer server = Pronto.server().workDirectory(work).config(c -> c.host("127.0.0.1").port(0)
                .ioThreads(1)).war(war()).start();
        server.destroy();
        assertEquals(work, server.workDirectory());
        assertTrue(holds(work, "index.html"), "kept for the next run");
    }
}
