package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code server.pronto.use-relative-redirects} (and Tomcat's {@code server.tomcat.use-relative-redirects}) in a Boot
 * application whose controller answers {@code redirect:}; absolute stays the default, as with Boot's Tomcat.
 */
class RelativeRedirectsTest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String location(String... properties) throws Exception {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "server.pronto.io-threads", "1", "server.servlet.context-path", "/shop"));
        try (ConfigurableApplicationContext context = application.run(properties)) {
            int port = assertInstanceOf(ProntoWebServer.class,
                    ((ServletWebServerApplicationContext) context).getWebServer()).getPort();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/shop/old")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(302, response.statusCode());
            return response.headers().firstValue("Location").orElseThrow()
                    .replace(":" + port + "/", ":PORT/");
        }
    }

    @Test
    void absoluteByDefault() throws Exception {
        assertEquals("http://127.0.0.1:PORT/shop/new", location());
    }

    @Test
    void relativeWithTheProntoProperty() throws Exception {
        assertEquals("/shop/new", location("--server.pronto.use-relative-redirects=true"));
    }

    @Test
    void relativeWithTomcatsProperty() throws Exception {
        assertEquals("/shop/new", location("--server.tomcat.use-relative-redirects=true"));
    }

    @Test
    void theProntoPropertyWinsOverTomcats() throws Exception {
        assertEquals("http://127.0.0.1:PORT/shop/new", location("--server.tomcat.use-relative-redirects=true",
                "--server.pronto.use-relative-redirects=false"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(RedirectController.class)
    static class App {
    }

    @Controller
    static class RedirectController {
        @GetMapping("/old")
        String old() {
            return "redirect:/new";
        }
    }
}
