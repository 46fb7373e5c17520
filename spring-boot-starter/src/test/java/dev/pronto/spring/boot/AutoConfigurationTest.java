package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.ServerConfig;
import dev.pronto.container.Transport;
import dev.pronto.servlet.worker.RequestExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The auto-configuration in a real Boot application: {@code server.*} and {@code server.pronto.*} reach Pronto. */
class AutoConfigurationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext run(Class<?> app, String... properties) {
        SpringApplication application = new SpringApplication(app);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(java.util.Map.of("server.port", "0", "spring.main.banner-mode", "off"));
        return application.run(properties);
    }

    private static ProntoWebServer webServer(ConfigurableApplicationContext context) {
        return assertInstanceOf(ProntoWebServer.class, ((ServletWebServerApplicationContext) context).getWebServer());
    }

    private HttpResponse<String> get(ConfigurableApplicationContext context, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + webServer(context).getPort() + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ioUringTransportFromTheProperty() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.pronto.container.transport.TransportSupport
                .isIoUringAvailable(), "io_uring is refused by this kernel");
        try (ConfigurableApplicationContext context = run(App.class, "--server.pronto.transport=io-uring")) {
            assertEquals(Transport.IO_URING, webServer(context).getProntoServer().config().transport());
            assertEquals(200, get(context, "/hello", "X-Name", "uring").statusCode());
        }
    }

    @Test
    void tomcatFormPostSizeMeansTheSameAsMaxFormSize() throws Exception {
        try (ConfigurableApplicationContext context = run(App.class,
                "--server.tomcat.max-http-form-post-size=3KB")) {
            ServerConfig config = webServer(context).getProntoServer().config();
            assertEquals(3 * 1024, config.maxFormSize());
            assertFalse(config.allowTrace());
        }
    }

    @Test
    void serverAndProntoPropertiesReachTheServer() throws Exception {
        try (ConfigurableApplicationContext context = run(App.class,
                "--server.servlet.context-path=/ctx", "--server.server-header=Pronto-Test",
                "--server.max-http-request-header-size=4KB", "--server.pronto.io-threads=1",
                "--server.pronto.transport=nio", "--server.pronto.max-pipelined=4",
                "--server.pronto.head-timeout=5s", "--server.pronto.idle-timeout=30s",
                "--server.pronto.blocking-timeout=10s", "--server.pronto.max-body-size=1MB",
                "--server.pronto.max-connections=100", "--server.pronto.max-uri-length=2048",
                "--server.pronto.executor.kind=platform", "--server.pronto.executor.max-concurrency=8",
                "--server.pronto.max-form-size=64KB", "--server.pronto.allow-trace=true")) {
            ProntoWebServer webServer = webServer(context);
            ServerConfig config = webServer.getProntoServer().config();
            assertEquals(1, config.ioThreads());
            assertEquals(Transport.NIO, config.transport());
            assertEquals(4, config.maxPipelined());
            assertEquals(Duration.ofSeconds(5), config.headTimeout());
            assertEquals(Duration.ofSeconds(30), config.idleTimeout());
            assertEquals(Duration.ofSeconds(10), config.blockingTimeout());
            assertEquals(1024 * 1024, config.maxBodySize());
            assertEquals(100, config.maxConnections());
            assertEquals(2048, config.maxUriLength());
            assertEquals(4096, config.maxHeaderSize());
            assertEquals(64 * 1024, config.maxFormSize());
            assertTrue(config.allowTrace());
            RequestExecutor executor = webServer.getProntoServer().executor();
            assertEquals(8, executor.maxConcurrency());

            HttpResponse<String> hello = get(context, "/ctx/hello", "X-Name", "Boot");
            assertEquals(200, hello.statusCode());
            assertEquals("hello Boot", hello.body());
            assertEquals("Pronto-Test", hello.headers().firstValue("Server").orElseThrow());
        }
    }

    @Test
    void bootErrorControllerAnswersMissingPaths() throws Exception {
        try (ConfigurableApplicationContext context = run(App.class, "--server.pronto.io-threads=1")) {
            HttpResponse<String> missing = get(context, "/nope", "Accept", "application/json");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("\"status\":404"), missing.body());
            assertTrue(missing.body().contains("\"path\":\"/nope\""), missing.body());
            assertTrue(missing.headers().firstValue("Server").isEmpty(), "Boot sends no Server header by default");
        }
    }

    @Test
    void compressionPropertiesApply() throws Exception {
        try (ConfigurableApplicationContext context = run(App.class, "--server.pronto.io-threads=1",
                "--server.compression.enabled=true", "--server.compression.min-response-size=16B")) {
            HttpResponse<String> response = get(context, "/hello", "Accept-Encoding", "gzip", "X-Name",
                    "a name long enough to pass sixteen bytes");
            assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
        }
    }

    @Test
    void frameworkForwardHeadersUseSpringsFilter() throws Exception {
        try (ConfigurableApplicationContext context = run(App.class, "--server.pronto.io-threads=1",
                "--server.forward-headers-strategy=framework")) {
            HttpResponse<String> response = get(context, "/where", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "shop.example", "X-Forwarded-Port", "443");
            assertEquals("https://shop.example/where", response.body());
        }
    }

    @Test
    void portMinusOneStartsTheContextWithoutAServer() {
        try (ConfigurableApplicationContext context = run(App.class, "--server.port=-1")) {
            assertEquals(-1, webServer(context).getPort());
        }
    }

    @Test
    void applicationFactoryBeanWins() {
        try (ConfigurableApplicationContext context = run(CustomFactoryApp.class, "--server.pronto.io-threads=1")) {
            assertEquals("custom", webServer(context).getProntoServer().config().serverHeader());
        }
    }

    @Test
    void unknownSslBundleFailsStartupNamingThePropertySet() {
        Exception e = assertThrows(Exception.class, () -> run(App.class, "--server.ssl.enabled=true",
                "--server.ssl.bundle=none").close());
        assertTrue(hasUnsupported(e, "server.ssl.bundle"), e::toString); // the property set, not the default
    }

    @Test
    void nativeForwardHeadersAreAppliedByTheContainer() throws Exception {
        try (ConfigurableApplicationContext context = run(App.class, "--server.pronto.io-threads=1",
                "--server.forward-headers-strategy=native")) {
            HttpResponse<String> response = get(context, "/where", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "shop.example", "X-Forwarded-Port", "443");
            assertEquals("https://shop.example/where", response.body());
        }
    }

    private static boolean hasUnsupported(Throwable e, String property) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedSettingException u && u.getProperty().equals(property)) {
                return true;
            }
        }
        return false;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(HelloController.class)
    static class App {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CustomFactoryApp {
        @Bean
        ProntoServletWebServerFactory customFactory() {
            ProntoServletWebServerFactory factory = new ProntoServletWebServerFactory();
            factory.addServerCustomizers(config -> config.serverHeader("custom"));
            return factory;
        }
    }

    @RestController
    static class HelloController {
        @GetMapping("/hello")
        String hello(@RequestHeader(name = "X-Name", defaultValue = "you") String name) {
            return "hello " + name;
        }

        @GetMapping("/where")
        String where(jakarta.servlet.http.HttpServletRequest request) {
            return request.getRequestURL().toString();
        }
    }
}
