package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.TestCertificates;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** {@code server.ssl.*}, SSL bundles (with reload-on-update) and the cleartext second port, through Spring Boot. */
class SslTest {

    private static final TestCertificates CERTS = TestCertificates.get();
    private static final String PASSWORD = TestCertificates.PASSWORD;

    private static ConfigurableApplicationContext run(String... properties) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "server.pronto.io-threads", "1"));
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        return application.run(args.toArray(new String[0]));
    }

    private static ProntoWebServer webServer(ConfigurableApplicationContext context) {
        return assertInstanceOf(ProntoWebServer.class, ((ServletWebServerApplicationContext) context).getWebServer());
    }

    private static String get(SSLContext ssl, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void keyStorePropertiesServeHttpsAndTheCleartextPortServesHttp() throws Exception {
        try (ConfigurableApplicationContext context = run(
                "server.ssl.key-store=" + CERTS.pkcs12("localhost").toUri(),
                "server.ssl.key-store-password=" + PASSWORD,
                "server.ssl.key-store-type=PKCS12",
                "server.ssl.enabled-protocols=TLSv1.3",
                "server.pronto.ssl.provider=jdk",
                "server.pronto.http-port=0")) {
            ProntoWebServer server = webServer(context);
            assertEquals(server.getPort(), server.getProntoServer().securePort());
            assertEquals("https true TLSv1.3 no-cert",
                    get(CERTS.clientContext(false), "https://localhost:" + server.getPort() + "/security"));
            int httpPort = server.getProntoServer().httpPort();
            assertTrue(httpPort > 0 && httpPort != server.getPort());
            assertEquals("http false null no-cert",
                    get(CERTS.clientContext(false), "http://localhost:" + httpPort + "/security"));
        }
    }

    @Test
    void http2EnabledServesH2ByAlpnWithTheServerProntoHttp2Settings() throws Exception {
        try (ConfigurableApplicationContext context = run(
                "server.ssl.key-store=" + CERTS.pkcs12("localhost").toUri(),
                "server.ssl.key-store-password=" + PASSWORD,
                "server.http2.enabled=true",
                "server.pronto.http2.max-concurrent-streams=50",
                "server.pronto.http2.initial-window-size=128KB")) {
            ProntoWebServer server = webServer(context);
            assertEquals(50, server.getProntoServer().config().http2().maxConcurrentStreams());
            assertEquals(128 * 1024, server.getProntoServer().config().http2().initialWindowSize());
            HttpClient client = HttpClient.newBuilder().sslContext(CERTS.clientContext(false))
                    .version(HttpClient.Version.HTTP_2).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + server.getPort() + "/security")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            assertEquals("https true TLSv1.3 no-cert", response.body());
        }
    }

    @Test
    void pemCertificateAndKeyWithClientCertificatesNeeded() throws Exception {
        try (ConfigurableApplicationContext context = run(
                "server.ssl.certificate=" + CERTS.pemCertificate().toUri(),
                "server.ssl.certificate-private-key=" + CERTS.pemKey().toUri(),
                "server.ssl.trust-store=" + CERTS.pkcs12("client").toUri(),
                "server.ssl.trust-store-password=" + PASSWORD,
                "server.ssl.client-auth=need")) {
            String url = "https://localhost:" + webServer(context).getPort() + "/security";
            assertEquals("https true TLSv1.3 CN=test client", get(CERTS.clientContext(true), url));
            assertThrows(IOException.class, () -> get(CERTS.clientContext(false), url));
        }
    }

    @Test
    void bundleIsReloadedOnUpdate(@TempDir Path dir) throws Exception {
        Path first = TestCertificates.generate(dir, "first", "CN=localhost", "SAN=dns:localhost");
        Path second = TestCertificates.generate(dir, "second", "CN=localhost", "SAN=dns:localhost");
        Path served = dir.resolve("served.p12");
        Files.copy(first, served);
        try (ConfigurableApplicationContext context = run(
                "spring.ssl.bundle.jks.web.keystore.location=" + served.toUri(),
                "spring.ssl.bundle.jks.web.keystore.password=" + PASSWORD,
                "spring.ssl.bundle.jks.web.keystore.type=PKCS12",
                "spring.ssl.bundle.jks.web.reload-on-update=true",
                "spring.ssl.bundle.watch.file.quiet-period=100ms",
                "server.ssl.bundle=web")) {
            int port = webServer(context).getPort();
            SSLContext trustsBoth = CERTS.clientContext(false, first, second);
            assertEquals(TestCertificates.certificate(first), served(trustsBoth, port));

            Files.copy(second, served, StandardCopyOption.REPLACE_EXISTING);
            X509Certificate expected = TestCertificates.certificate(second);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!expected.equals(served(trustsBoth, port)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(expected, served(trustsBoth, port));
        }
    }

    private static X509Certificate served(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void httpPortWithoutTlsNamesTheProperty() {
        Exception e = assertThrows(Exception.class, () -> run("server.pronto.http-port=0").close());
        boolean named = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            named |= t instanceof UnsupportedSettingException u && u.getProperty().equals("server.pronto.http-port");
        }
        assertTrue(named, e::toString);
    }

    /** Prints scheme, isSecure, the TLS protocol attribute and the client certificate's subject. */
    static final class SecurityServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            X509Certificate[] chain = (X509Certificate[]) req.getAttribute("jakarta.servlet.request.X509Certificate");
            resp.getWriter().print(req.getScheme() + " " + req.isSecure() + " "
                    + req.getAttribute("jakarta.servlet.request.secure_protocol") + " "
                    + (chain == null ? "no-cert" : chain[0].getSubjectX500Principal().getName()));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        ServletRegistrationBean<SecurityServlet> security() {
            return new ServletRegistrationBean<>(new SecurityServlet(), "/security");
        }
    }
}
