package dev.pronto.spring.boot;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Drives {@link ProntoServletWebServerFactory} as Boot does (customise, {@code getWebServer}, {@code start}) and
 * talks to the result over real HTTP with the JDK client. One factory and server per test, on the test thread.
 */
abstract class FactoryTestSupport {

    protected final ProntoServletWebServerFactory factory = new ProntoServletWebServerFactory(0);
    protected final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    protected ProntoWebServer webServer;

    FactoryTestSupport() {
        factory.addServerCustomizers(config -> config.ioThreads(1));
    }

    @AfterEach
    void destroyWebServer() {
        if (webServer != null) {
            webServer.destroy();
        }
    }

    /** What the application context's self-initializer does: register servlets on the ServletContext. */
    static ServletContextInitializer servlet(String pattern, Servlet servlet) {
        return servlet(pattern, servlet, reg -> { });
    }

    static ServletContextInitializer servlet(String pattern, Servlet servlet,
                                             Consumer<ServletRegistration.Dynamic> registration) {
        return context -> {
            ServletRegistration.Dynamic reg = context.addServlet(servlet.getClass().getName() + pattern, servlet);
            reg.addMapping(pattern);
            registration.accept(reg);
        };
    }

    protected ProntoWebServer create(ServletContextInitializer... initializers) {
        webServer = (ProntoWebServer) factory.getWebServer(initializers);
        return webServer;
    }

    protected ProntoWebServer start(ServletContextInitializer... initializers) {
        create(initializers).start();
        return webServer;
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + webServer.getPort() + path);
    }

    protected HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return client.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        return client.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }
}
