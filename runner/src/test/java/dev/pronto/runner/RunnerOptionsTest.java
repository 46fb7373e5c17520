package dev.pronto.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.ServerConfig;
import dev.pronto.container.TlsConfig;
import dev.pronto.container.Transport;
import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.worker.RequestExecutor;
import dev.pronto.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line: each flag reaches its builder setting, and every mistake says which flag and why. */
class RunnerOptionsTest {

    @Test
    void warsPortAndThreadsInAnyOrder() {
        RunnerOptions options = RunnerOptions.parse("a.war", "--port", "9090", "b", "--threads", "3");
        assertEquals(List.of(Path.of("a.war"), Path.of("b")), options.wars());
        assertEquals(9090, options.server().port());
        assertEquals(3, options.server().ioThreads());
        assertEquals(8080, RunnerOptions.parse("a.war").server().port());
        assertFalse(RunnerOptions.parse("a.war").server().http2().enabled());
        assertTrue(RunnerOptions.parse("a.war", "--http2").server().http2().enabled());
        assertEquals(7070, RunnerOptions.parse("a.war", "--port=7070").server().port(), "--flag=value");
    }

    @Test
    void sessionStoreAndTrustedProxies() {
        RunnerOptions options = RunnerOptions.parse("a.war", "--session-store", "redis://cache:6379",
                "--trusted-proxies", "10.0.0.0/8,192.0.2.7");
        assertEquals("redis://cache:6379", options.webApps().sessionStore());
        assertEquals(List.of("10.0.0.0/8", "192.0.2.7"), options.webApps().trustedProxies());
        assertNull(RunnerOptions.parse("a.war").webApps().sessionStore(), "memory by default");
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("a.war", "--session-store"));
    }

    @Test
    void serverFlagsReachServerConfig() {
        ServerConfig c = RunnerOptions.parse("a.war", "--address", "127.0.0.1", "--transport", "nio",
                "--max-connections", "50", "--max-pipelined", "4", "--idle-timeout", "5s", "--head-timeout", "1500ms",
                "--blocking-timeout", "PT2M", "--max-body-size", "10MB", "--max-form-size", "-1",
                "--max-http-request-header-size", "16KB", "--max-uri-length", "2048", "--server-header", "",
                "--allow-trace").server();
        assertEquals("127.0.0.1", c.host());
        assertEquals(Transport.NIO, c.transport());
        assertEquals(50, c.maxConnections());
        assertEquals(4, c.maxPipelined());
        assertEquals(Duration.ofSeconds(5), c.idleTimeout());
        assertEquals(Duration.ofMillis(1500), c.headTimeout());
        assertEquals(Duration.ofMinutes(2), c.blockingTimeout());
        assertEquals(10L << 20, c.maxBodySize());
        assertEquals(-1, c.maxFormSize());
        assertEquals(16 << 10, c.maxHeaderSize());
        assertEquals(2048, c.maxUriLength());
        assertEquals("", c.serverHeader());
        assertTrue(c.allowTrace());
        assertNull(c.tls());
    }

    @Test
    void executorAccessLogCompressionSessionsAndJsp() {
        RunnerOptions options = RunnerOptions.parse("a.war", "--executor-kind", "platform",
                "--executor-max-concurrency", "32", "--accesslog-pattern", "combined", "--accesslog-directory",
                "/var/log/app", "--accesslog-rotate", "false", "--accesslog-max-days", "7", "--accesslog-encoding",
                "ISO-8859-1", "--compression-min-response-size", "1KB", "--compression-mime-types",
                "text/html,application/json", "--session-store-dir", "/var/lib/sessions", "--jsp-development",
                "false");
        assertEquals(RequestExecutor.Kind.PLATFORM, options.executorKind());
        assertEquals(32, options.maxConcurrency());
        AccessLogConfig log = options.accessLog();
        assertEquals("combined", log.pattern());
        assertEquals(Path.of("/var/log/app"), log.directory());
        assertFalse(log.rotate());
        assertEquals(7, log.maxDays());
        assertEquals(StandardCharsets.ISO_8859_1, log.encoding());
        assertEquals(1024, options.webApps().compression().minResponseSize());
        assertEquals(Set.of("text/html", "application/json"), options.webApps().compression().mimeTypes());
        assertTrue(options.webApps().persistentSessions());
        assertEquals(Path.of("/var/lib/sessions"), options.webApps().sessionStoreDir());
        assertEquals(Boolean.FALSE, options.webApps().jspDevelopment());

        RunnerOptions defaults = RunnerOptions.parse("a.war");
        assertNull(defaults.accessLog(), "off unless asked for");
        assertNull(defaults.webApps().compression(), "off unless asked for");
        assertFalse(defaults.webApps().persistentSessions());
        assertEquals("common", RunnerOptions.parse("a.war", "--accesslog").accessLog().pattern());
        assertEquals(2048, RunnerOptions.parse("a.war", "--compression").webApps().compression().minResponseSize());
    }

    @Test
    void tlsFlagsReachTlsConfigAndTheKeyIsLoadedWhileParsing() {
        TestCertificates certs = TestCertificates.get();
        TlsConfig tls = RunnerOptions.parse("a.war", "--ssl-key-store", certs.jks().toString(),
                "--ssl-key-store-type", "JKS", "--ssl-key-store-password", TestCertificates.PASSWORD,
                "--ssl-client-auth", "want", "--ssl-trust-certificate", certs.pemCertificate().toString(),
                "--ssl-enabled-protocols", "TLSv1.3", "--ssl-provider", "jdk", "--ssl-handshake-timeout", "3s",
                "--http-port", "0").server().tls();
        assertEquals(TlsConfig.ClientAuth.WANT, tls.clientAuth());
        assertEquals(List.of("TLSv1.3"), tls.protocols());
        assertEquals(TlsConfig.Provider.JDK, tls.provider());
        assertEquals(Duration.ofSeconds(3), tls.handshakeTimeout());
        assertTrue(tls.trust() != null);
        TlsConfig pem = RunnerOptions.parse("a.war", "--ssl-certificate", certs.pemCertificate().toString(),
                "--ssl-certificate-private-key", certs.pemKey().toString()).server().tls();
        assertEquals(TlsConfig.ClientAuth.NONE, pem.clientAuth());

        assertMistake("--ssl-key-store: cannot load it", "a.war", "--ssl-key-store",
                certs.pkcs12("localhost").toString(), "--ssl-key-store-password", "wrong");
        assertMistake("--ssl-certificate needs --ssl-certificate-private-key", "a.war", "--ssl-certificate",
                certs.pemCertificate().toString());
        assertMistake("TLS needs the server's key", "a.war", "--ssl-client-auth", "need");
    }

    @Test
    void mistakesNameTheFlagAndSayWhatIsWrong() {
        assertMistake("No WAR given", "--port", "0");
        assertMistake("--port needs a value", "a.war", "--port");
        assertMistake("--port: 'http' is not a whole number", "a.war", "--port", "http");
        assertMistake("--port: port out of range: 70000", "a.war", "--port", "70000");
        assertMistake("Unknown option --verbose", "a.war", "--verbose");
        assertMistake("--idle-timeout: '5x' is not a duration", "a.war", "--idle-timeout", "5x");
        assertMistake("--idle-timeout: idleTimeout must be positive", "a.war", "--idle-timeout", "0s");
        assertMistake("--max-connections: maxConnections must be positive: 0", "a.war", "--max-connections", "0");
        assertMistake("--max-body-size: '10 apples' is not a size", "a.war", "--max-body-size", "10 apples");
        assertMistake("--http-port: httpPort 8081 needs tls", "a.war", "--http-port", "8081");
        assertMistake("--transport: 'carrier-pigeon' is not one of auto|epoll|io_uring|nio", "a.war",
                "--transport", "carrier-pigeon");
        assertMistake("--ssl-client-auth: 'maybe' is not one of none|want|need", "a.war", "--ssl-client-auth",
                "maybe");
        assertMistake("--http2 takes no value", "a.war", "--http2=yes");
        assertMistake("--accesslog-pattern: ", "a.war", "--accesslog-pattern", "%Q");
        assertMistake("--accesslog-rotate: 'daily' is not true or false", "a.war", "--accesslog-rotate", "daily");
    }

    @Test
    void theUsageListsEveryFlag() {
        String usage = RunnerFlags.usage();
        for (String name : RunnerFlags.names()) {
            assertTrue(usage.contains("  " + name + " "), name);
        }
        assertTrue(usage.startsWith("Usage: java -jar pronto-runner.jar app.war"), usage);
    }

    @Test
    void theReadmeTableListsEveryFlag() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("../README.md"));
        for (RunnerFlag flag : RunnerFlags.SECTIONS.stream().flatMap(s -> s.flags().stream()).toList()) {
            assertTrue(readme.contains("| `" + flag.name() + (flag.isSwitch() ? "`" : " ")), flag.name());
            assertTrue(readme.contains("`" + flag.setting() + "`"), flag.setting());
        }
    }

    @Test
    void valuesInBootsSyntax() {
        assertEquals(Duration.ofMillis(250), FlagValues.duration("250"), "no unit: milliseconds, as Boot");
        assertEquals(Duration.ofMinutes(2), FlagValues.duration("2m"));
        assertEquals(Duration.ofSeconds(90), FlagValues.duration("PT1M30S"));
        assertEquals(-1, FlagValues.size("-1"));
        assertEquals(512 * 1024, FlagValues.size("512kb"));
        assertEquals(1L << 30, FlagValues.size("1GB"));
        assertEquals(Transport.IO_URING, FlagValues.choice(Transport.class, "io-uring"));
        assertThrows(IllegalArgumentException.class, () -> FlagValues.size("99999999999TB"), "no silent overflow");
        assertThrows(IllegalArgumentException.class, () -> FlagValues.duration("99999999999999999999s"));
    }

    private static void assertMistake(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(args));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
