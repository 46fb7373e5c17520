package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RedisServerProcess;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code server.pronto.session.store=redis}: two Boot applications share their sessions through a real Redis. */
class SharedSessionsTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "server.pronto.io-threads", "1"));
        return application.run(args);
    }

    private String count(ConfigurableApplicationContext context, String cookie) throws Exception {
        int port = assertInstanceOf(ProntoWebServer.class,
                ((ServletWebServerApplicationContext) context).getWebServer()).getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/count"))
                .timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0] + "|").orElse("")
                + response.body();
    }

    @Test
    void twoApplicationsShareSessionsInRedis() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
             ConfigurableApplicationContext first = run("--server.pronto.session.store=redis",
                     "--server.pronto.session.redis.uri=" + redis.uri());
             ConfigurableApplicationContext second = run("--server.pronto.session.store=redis",
                     "--server.pronto.session.redis.uri=" + redis.uri())) {
            String created = count(first, null);
            assertTrue(created.endsWith("|1"), created);
            String cookie = created.substring(0, created.indexOf('|'));
            assertEquals("2", count(second, cookie));
            assertEquals("3", count(first, cookie));
        }
    }

    @Test
    void anUnknownStoreFailsTheStartNamingTheProperty() {
        Exception failure = assertThrows(Exception.class, () -> run("--server.pronto.session.store=bogus"));
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertTrue(chain.toString().contains("server.pronto.session.store"), chain.toString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CountController.class)
    static class App {
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
