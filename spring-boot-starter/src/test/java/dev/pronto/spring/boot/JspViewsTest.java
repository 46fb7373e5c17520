package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A Boot MVC app with JSP views and {@code tomcat-embed-jasper} on the class path, as with Tomcat:
 * {@code server.servlet.jsp.*} reach the JSP servlet.
 */
class JspViewsTest {

    private static ConfigurableApplicationContext run(String... properties) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "spring.mvc.view.prefix", "/WEB-INF/jsp/", "spring.mvc.view.suffix", ".jsp"));
        return application.run(properties);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        ProntoWebServer server = assertInstanceOf(ProntoWebServer.class,
                ((ServletWebServerApplicationContext) context).getWebServer());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void controllerRendersAJspView() throws Exception {
        try (ConfigurableApplicationContext context = run("--server.servlet.jsp.init-parameters.xpoweredBy=true")) {
            HttpResponse<String> response = get(context, "/greet?name=Boot");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("<p>Hello Boot from a JSP view, 3</p>", response.body().strip());
            assertEquals("JSP/4.0", response.headers().firstValue("X-Powered-By").orElse(null),
                    "server.servlet.jsp.init-parameters reach Jasper");
            assertEquals(404, get(context, "/WEB-INF/jsp/greeting.jsp").statusCode(), "views stay private");
        }
    }

    @Test
    void precompileCompilesTheViewsAtStart() throws Exception {
        try (ConfigurableApplicationContext context = run("--server.pronto.jsp.precompile=true")) {
            java.io.File temp = (java.io.File) ((ServletWebServerApplicationContext) context).getServletContext()
                    .getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(temp.toPath())) {
                assertEquals(1, files.filter(p -> p.endsWith("greeting_jsp.class")).count(),
                        "compiled before any request");
            }
            assertEquals(200, get(context, "/greet?name=Boot").statusCode());
        }
    }

    @Test
    void notRegisteredMeansNoJspServlet() throws Exception {
        try (ConfigurableApplicationContext context = run("--server.servlet.jsp.registered=false")) {
            assertNull(((ServletWebServerApplicationContext) context).getServletContext()
                    .getServletRegistration("jsp"));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(GreetingController.class)
    static class App {
    }

    @Controller
    static class GreetingController {
        @GetMapping("/greet")
        String greet(@RequestParam String name, Model model) {
            model.addAttribute("name", name);
            return "greeting";
        }
    }
}
