package dev.pronto.servlet.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import dev.pronto.container.TlsTrustMaterial;
import dev.pronto.container.Transport;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.security.SecurityConstraint;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import dev.pronto.testing.TestCertificates;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Servlet 6.1 §3.10 on a TLS port: scheme, isSecure, the TLS request attributes, client certificates, two ports. */
class TlsServletTest {

    private static final TestCertificates CERTS = TestCertificates.get();

    private ProntoServer server;

    /** Prints what the request says about its connection's security. */
    static final class SecurityServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            X509Certificate[] chain = (X509Certificate[]) req.getAttribute("jakarta.servlet.request.X509Certificate");
            List<String> names = Collections.list(req.getAttributeNames());
            resp.setContentType("text/plain");
            resp.getWriter().print(String.join("|",
                    req.getScheme(),
                    String.valueOf(req.isSecure()),
                    String.valueOf(req.getServletConnection().isSecure()),
                    String.valueOf(req.getAttribute("jakarta.servlet.request.cipher_suite")),
                    String.valueOf(req.getAttribute("jakarta.servlet.request.key_size")),
                    String.valueOf(req.getAttribute("jakarta.servlet.request.ssl_session_id") != null),
                    String.valueOf(req.getAttribute("jakarta.servlet.request.secure_protocol")),
                    chain == null ? "no-cert" : chain[0].getSubjectX500Principal().getName(),
                    String.valueOf(names.contains("jakarta.servlet.request.cipher_suite")),
                    req.getRequestURL().toString().replaceAll(":\\d+", ":PORT")));
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Transport transport, TlsConfig.Provider provider) throws Exception {
        TlsConfig tls = TlsConfig.builder()
                .key(TlsKeyMaterial.keyStore(CERTS.pkcs12("localhost"), null, TestCertificates.PASSWORD, null, null))
                .trust(TlsTrustMaterial.trustStore(CERTS.pkcs12("client"), null, TestCertificates.PASSWORD))
                .clientAuth(TlsConfig.ClientAuth.WANT)
                .provider(provider)
                .build();
        server = Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2).transport(transport).tls(tls).httpPort(0))
                .webapp(app -> app.servlet("/security", new SecurityServlet())
                        .servlet("/tls-only/*", new SecurityServlet())
                        .securityConstraint(SecurityConstraint.permitAll(WebResourceCollection.of("/tls-only/*"))
                                .transport(TransportGuarantee.CONFIDENTIAL)))
                .start();
    }

    private static String get(SSLContext context, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @ParameterizedTest
    @EnumSource(value = TlsConfig.Provider.class, names = {"JDK", "OPENSSL"})
    void httpsRequestsCarryTheTlsAttributes(TlsConfig.Provider provider) throws Exception {
        for (Transport transport : List.of(Transport.EPOLL, Transport.NIO)) {
            start(transport, provider);
            String url = "https://localhost:" + server.securePort() + "/security";
            String[] withCert = get(CERTS.clientContext(true), url).split("\\|");
            assertEquals("https", withCert[0]);
            assertEquals("true", withCert[1]);
            assertEquals("true", withCert[2]);
            assertTrue(withCert[3].startsWith("TLS_"), withCert[3]);
            assertTrue(withCert[4].equals("128") || withCert[4].equals("256"), withCert[4]);
            assertEquals("TLSv1.3", withCert[6]);
            assertEquals("CN=test client", withCert[7]);
            assertEquals("true", withCert[8]);
            assertEquals("https://localhost:PORT/security", withCert[9]);

            String[] withoutCert = get(CERTS.clientContext(false), url).split("\\|");
            assertEquals("no-cert", withoutCert[7]);

            String[] plain = get(CERTS.clientContext(false),
                    "http://127.0.0.1:" + server.httpPort() + "/security").split("\\|");
            assertEquals(List.of("http", "false", "false", "null", "null", "false", "null", "no-cert", "false",
                    "http://127.0.0.1:PORT/security"), List.of(plain));
            server.close();
            server = null;
        }
    }

    /** Servlet 6.1 §13.8.3: a CONFIDENTIAL resource asked for on the cleartext port is redirected to the TLS port. */
    @Test
    void confidentialResourceOnTheCleartextPortRedirectsToTheTlsPort() throws Exception {
        start(Transport.NIO, TlsConfig.Provider.JDK);
        HttpClient client = HttpClient.newBuilder().sslContext(CERTS.clientContext(false))
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> cleartext = client.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + server.httpPort() + "/tls-only/x?a=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, cleartext.statusCode());
        String location = cleartext.headers().firstValue("location").orElseThrow();
        assertEquals("https://localhost:" + server.port() + "/tls-only/x?a=1", location);

        HttpResponse<String> secure = client.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, secure.statusCode());
    }
}
