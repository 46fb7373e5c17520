package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operating a Boot application on Pronto: {@code server.pronto.accesslog.*} writes lines, the {@code pronto.*}
 * meters count the traffic, and {@code server.servlet.session.persistent} keeps a session across a restart.
 */
class OperationsTest {

    @TempDir
    Path logs;

    @TempDir
    Path sessions;

    private final HttpClient client = HttpClient.newHttpClient();

    private ConfigurableApplicationContext run() {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "server.pronto.io-threads", "1"));
        return application.run("--server.pronto.accesslog.enabled=true",
                "--server.pronto.accesslog.directory=" + logs, "--server.pronto.accesslog.pattern=%r %s",
                "--server.pronto.accesslog.rotate=false", "--server.servlet.session.persistent=true",
                "--server.servlet.session.store-dir=" + sessions);
    }

    private String get(ConfigurableApplicationContext context, String cookie) throws Exception {
        int port = assertInstanceOf(ProntoWebServer.class,
                ((ServletWebServerApplicationContext) context).getWebServer()).getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/count"))
                .timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0] + "|").orElse("")
                + response.body();
    }

    @Test
    void accessLogMetersAndPersistentSessions() throws Exception {
        String cookie;
        try (ConfigurableApplicationContext first = run()) {
            String created = get(first, null);
            cookie = created.substring(0, created.indexOf('|'));
            assertTrue(created.endsWith("|1"), created);
            assertEquals("2", get(first, cookie));
            MeterRegistry registry = first.getBean(MeterRegistry.class);
            assertEquals(2.0, registry.get("pronto.requests.completed").tag("outcome", "SUCCESS")
                    .functionCounter().count());
            assertEquals(1.0, registry.get("pronto.sessions.created").functionCounter().count());
            assertEquals(1.0, registry.get("pronto.sessions.active.current").gauge().value());
            assertTrue(registry.get("pronto.bytes.sent").functionCounter().count() > 0);
        }
        try (ConfigurableApplicationContext second = run()) {
            assertEquals("3", get(second, cookie)); // the same session, restored
        }
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            assertEquals(List.of("GET /count HTTP/1.1 200", "GET /count HTTP/1.1 200", "GET /count HTTP/1.1 200"),
                    Files.readAllLines(all.get(0)));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CountController.class)
    static class App {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @RestController
    static class CountController {
        @GetMapping("/count")
        String count(HttpSession session) {
            Integer n = (Integer) session.getAttribute("n");
            n = n == null ? 1 : n + 1;
            session.setAttribute("n", n);
            return Integer.toString(n);
        }
    }
}
