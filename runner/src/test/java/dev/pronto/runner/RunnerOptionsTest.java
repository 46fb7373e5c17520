package dev.pronto.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    @Test
    void warsPortAndThreadsInAnyOrder() {
        RunnerOptions options = RunnerOptions.parse("a.war", "--port", "9090", "b", "--threads", "3");
        assertEquals(List.of(Path.of("a.war"), Path.of("b")), options.wars());
        assertEquals(9090, options.port());
        assertEquals(3, options.threads());
        assertEquals(8080, RunnerOptions.parse("a.war").port());
        assertEquals(false, RunnerOptions.parse("a.war").http2());
        assertEquals(true, RunnerOptions.parse("a.war", "--http2").http2());
    }

    @Test
    void sessionStoreAndTrustedProxies() {
        RunnerOptions options = RunnerOptions.parse("a.war", "--session-store", "redis://cache:6379",
                "--trusted-proxies", "10.0.0.0/8,192.0.2.7");
        assertEquals("redis://cache:6379", options.sessionStore());
        assertEquals(List.of("10.0.0.0/8", "192.0.2.7"), options.trustedProxies());
        assertEquals(null, RunnerOptions.parse("a.war").sessionStore(), "memory by default");
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("a.war", "--session-store"));
    }

    @Test
    void mistakesSayWhatIsWrongAndHowToCall() {
        for (String[] args : List.of(new String[] {}, new String[] {"a.war", "--port"},
                new String[] {"a.war", "--port", "http"}, new String[] {"a.war", "--port", "70000"},
                new String[] {"a.war", "--verbose"})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(args));
            assertTrue(e.getMessage().contains("--port") || e.getMessage().contains("Usage"), e.getMessage());
        }
    }
}
