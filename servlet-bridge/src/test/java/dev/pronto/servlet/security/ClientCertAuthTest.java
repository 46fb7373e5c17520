package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import dev.pronto.container.TlsTrustMaterial;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import dev.pronto.testing.TestCertificates;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLIENT-CERT (Servlet 6.1 §13.6.4) over a real TLS socket: the certificate's subject is the realm's user. */
class ClientCertAuthTest {

    private static final TestCertificates CERTS = TestCertificates.get();
    private ProntoServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Realm realm) throws Exception {
        start(realm, CERTS.pkcs12("client"));
    }

    /** The server trusts the certificate of key store {@code trusted}. */
    private void start(Realm realm, Path trusted) throws Exception {
        TlsConfig tls = TlsConfig.builder()
                .key(TlsKeyMaterial.keyStore(CERTS.pkcs12("localhost"), null, TestCertificates.PASSWORD, null, null))
                .trust(TlsTrustMaterial.trustStore(trusted, null, TestCertificates.PASSWORD))
                .clientAuth(TlsConfig.ClientAuth.WANT)
                .build();
        server = Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").tls(tls))
                .webapp(app -> app.realm(realm)
                        .loginConfig("CLIENT-CERT", null, null, null)
                        .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/admin/*"), "admin"))
                        .servlet("/*", new WhoServlet()))
                .start();
    }

    private HttpResponse<String> get(SSLContext context, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.securePort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCertificatesCommonNameIsTheUser() throws Exception {
        start(InMemoryRealm.builder().user("test client", "unused", "admin").build());
        HttpResponse<String> admin = get(CERTS.clientContext(true), "/admin/page");
        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals("test client|CLIENT_CERT|true", admin.body());
        assertEquals("test client|CLIENT_CERT|true", get(CERTS.clientContext(true), "/open").body(),
                "known on unconstrained paths too");

        HttpResponse<String> noCertificate = get(CERTS.clientContext(false), "/admin/page");
        assertEquals(403, noCertificate.statusCode());
        assertFalse(noCertificate.body().contains("test client"));
        assertEquals("null|null|false", get(CERTS.clientContext(false), "/open").body());
    }

    @Test
    void aCertificateTheRealmDoesNotKnowIsRefused() throws Exception {
        start(InMemoryRealm.builder().user("someone else", "pw", "admin").build());
        assertEquals(403, get(CERTS.clientContext(true), "/admin/page").statusCode());
    }

    @Test
    void theDistinguishedNameIsAskedForFirst() throws Exception {
        start(InMemoryRealm.builder().user("CN=test client", "unused", "admin").build());
        assertEquals("CN=test client|CLIENT_CERT|true", get(CERTS.clientContext(true), "/admin/x").body());
    }

    @Test
    void aUserNamedAsTomcatNamesCertificateUsersIsFound(@TempDir Path dir) throws Exception {
        // Tomcat's user name for a certificate is X500Principal.toString(): ", " between the parts (RFC 2253 has ",")
        Path ann = TestCertificates.generate(dir, "ann", "CN=Ann, OU=Staff, O=Example", null);
        start(InMemoryRealm.builder().user("CN=Ann, OU=Staff, O=Example", "unused", "admin").build(), ann);
        HttpResponse<String> admin = get(clientContext(ann), "/admin/x");
        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals("CN=Ann, OU=Staff, O=Example|CLIENT_CERT|true", admin.body());
    }

    /** A client context presenting the key of {@code p12} and trusting the server's localhost certificate. */
    private static SSLContext clientContext(Path p12) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            keys.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, TestCertificates.PASSWORD.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("localhost", TestCertificates.certificate(CERTS.pkcs12("localhost")));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    void commonNameOfADistinguishedName() {
        assertEquals("alice", ClientCertAuthenticator.commonName("CN=alice,OU=Staff,O=Example"));
        assertEquals("a, b", ClientCertAuthenticator.commonName("CN=a\\, b,O=Example"));
        assertNull(ClientCertAuthenticator.commonName("O=Example"));
    }

    /** Answers who the request's user is, its auth type and whether it is an admin. */
    static final class WhoServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(req.getRemoteUser() + "|" + req.getAuthType() + "|" + req.isUserInRole("admin"));
        }
    }
}
