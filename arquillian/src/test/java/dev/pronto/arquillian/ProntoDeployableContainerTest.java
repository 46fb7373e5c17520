package dev.pronto.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.greeting.FailingListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.pronto.servlet.security.PasswordHash;
import dev.pronto.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container driven directly, as Arquillian would: several WARs on one port, undeploy, failures, stop. */
class ProntoDeployableContainerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private ProntoDeployableContainer container;

    @BeforeEach
    void start() throws Exception {
        container = new ProntoDeployableContainer();
        ProntoContainerConfiguration configuration = new ProntoContainerConfiguration();
        configuration.validate();
        container.setup(configuration);
        container.start();
    }

    @AfterEach
    void stop() {
        container.stop();
    }

    @Test
    void reportsTheHttpContextWithTheServlets() throws Exception {
        HTTPContext context = httpContext(container.deploy(TestWars.greeting("report.war")));

        assertEquals("127.0.0.1", context.getHost());
        assertTrue(context.getPort() > 0);
        Servlet greeting = context.getServletByName("greeting");
        assertEquals("/report", greeting.getContextRoot());
        assertEquals(URI.create("http://127.0.0.1:" + context.getPort() + "/report/"), greeting.getBaseURI());
    }

    @Test
    void servesSeveralWarsOnOnePortAndUndeploysOne() throws Exception {
        WebArchive shop = TestWars.greeting("shop.war");
        List<Path> before = exportedFiles("shop.war"); // a crashed earlier run may have left some
        HTTPContext shopContext = httpContext(container.deploy(shop));
        HTTPContext blogContext = httpContext(container.deploy(TestWars.greeting("blog.war")));
        assertEquals(shopContext.getPort(), blogContext.getPort());
        assertEquals(before.size() + 1, exportedFiles("shop.war").size());

        assertEquals("hello from /shop (webapp)", get(blogContext.getPort(), "/shop/greet").body());
        assertEquals("hello from /blog (webapp)", get(blogContext.getPort(), "/blog/greet").body());

        container.undeploy(shop);
        assertEquals(404, get(blogContext.getPort(), "/shop/greet").statusCode());
        assertEquals("hello from /blog (webapp)", get(blogContext.getPort(), "/blog/greet").body());
        assertEquals(before, exportedFiles("shop.war"), "the exported WAR is deleted on undeploy");
    }

    @Test
    void rootWarIsServedAtTheRootContext() throws Exception {
        HTTPContext context = httpContext(container.deploy(TestWars.greeting("ROOT.war")));

        assertEquals(URI.create("http://127.0.0.1:" + context.getPort() + "/"),
                context.getServletByName("greeting").getBaseURI());
        assertEquals("hello from  (webapp)", get(context.getPort(), "/greet").body());
    }

    @Test
    void aFailedDeploymentLeavesTheOthersRunning() throws Exception {
        HTTPContext good = httpContext(container.deploy(TestWars.greeting("good.war")));
        List<Path> before = exportedFiles("broken.war");
        WebArchive broken = ShrinkWrap.create(WebArchive.class, "broken.war")
                .setWebXML(new StringAsset("<web-app><servlet>"));

        DeploymentException failure = assertThrows(DeploymentException.class, () -> container.deploy(broken));

        assertTrue(failure.getMessage().startsWith("Pronto could not deploy broken.war"), failure.getMessage());
        assertEquals(before, exportedFiles("broken.war"));
        assertEquals("hello from /good (webapp)", get(good.getPort(), "/good/greet").body());
        assertEquals(404, get(good.getPort(), "/broken/").statusCode());
    }

    @Test
    void anApplicationThatFailsToStartIsReportedAndDropped() throws Exception {
        HTTPContext good = httpContext(container.deploy(TestWars.greeting("steady.war")));
        WebArchive failing = ShrinkWrap.create(WebArchive.class, "failing.war").addClass(FailingListener.class)
                .setWebXML(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                          <listener><listener-class>example.greeting.FailingListener</listener-class></listener>
                        </web-app>
                        """));

        DeploymentException failure = assertThrows(DeploymentException.class, () -> container.deploy(failing));

        assertTrue(failure.getMessage().startsWith("Pronto could not deploy failing.war"), failure.getMessage());
        assertEquals("hello from /steady (webapp)", get(good.getPort(), "/steady/greet").body());
        assertEquals(404, get(good.getPort(), "/failing/").statusCode());
    }

    @Test
    void refusesArchivesThatAreNotWebArchives() {
        JavaArchive jar = ShrinkWrap.create(JavaArchive.class, "library.jar");

        DeploymentException failure = assertThrows(DeploymentException.class, () -> container.deploy(jar));

        assertEquals("Pronto deploys web archives (.war) only, not library.jar", failure.getMessage());
    }

    @Test
    void stopClosesThePortAndDeletesWhatIsStillDeployed() throws Exception {
        List<Path> before = exportedFiles("left.war");
        int port = httpContext(container.deploy(TestWars.greeting("left.war"))).getPort();
        Path workDirectory = container.workDirectory();
        assertTrue(Files.isDirectory(workDirectory));

        container.stop();

        assertThrows(ConnectException.class, () -> get(port, "/left/greet"));
        assertEquals(before, exportedFiles("left.war"));
        assertFalse(Files.exists(workDirectory), "the unpacked WARs are deleted");
    }

    @Test
    void aUsersFileIsTheRealmOfEveryWar(@TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("users.properties"),
                "ann = " + PasswordHash.hash("secret", 1000) + ", staff\n");
        ProntoContainerConfiguration configuration = new ProntoContainerConfiguration();
        configuration.setUsers(users.toString());
        configuration.validate();
        ProntoDeployableContainer secured = new ProntoDeployableContainer();
        secured.setup(configuration);
        secured.start();
        try {
            int port = httpContext(secured.deploy(TestWars.securedGreeting("vault.war"))).getPort();
            HttpResponse<String> anonymous = get(port, "/vault/greet");
            assertEquals(401, anonymous.statusCode());
            String credentials = Base64.getEncoder().encodeToString("ann:secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> ann = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/vault/greet")).header("Authorization", "Basic " + credentials).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ann.statusCode());
            assertEquals("hello from /vault (webapp)", ann.body());
        } finally {
            secured.stop();
        }
    }

    @Test
    void aKeyStoreMakesTheContainerHttpsAndATrustStoreAsksForClientCertificates(@TempDir Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.get();
        Path users = Files.writeString(dir.resolve("users.properties"),
                "test\\ client = " + PasswordHash.hash(PasswordHash.class.getName(), 1000) + ", staff\n");
        ProntoContainerConfiguration configuration = new ProntoContainerConfiguration();
        configuration.setUsers(users.toString());
        configuration.setKeyStore(certificates.pkcs12("localhost").toString());
        configuration.setKeyStorePassword(TestCertificates.PASSWORD);
        configuration.setTrustStore(certificates.pkcs12("client").toString());
        configuration.setTrustStorePassword(TestCertificates.PASSWORD);
        configuration.setClientAuth("WANT");
        configuration.validate();
        ProntoDeployableContainer https = new ProntoDeployableContainer();
        https.setup(configuration);
        https.start();
        try {
            int port = httpContext(https.deploy(TestWars.securedGreeting("cert.war", "CLIENT-CERT"))).getPort();
            URI uri = URI.create("https://localhost:" + port + "/cert/greet");
            HttpClient withCertificate = HttpClient.newBuilder().sslContext(certificates.clientContext(true)).build();
            HttpResponse<String> client = withCertificate.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, client.statusCode(), "CLIENT-CERT: the certificate's CN is a user with the role");
            assertEquals("hello from /cert (webapp)", client.body());

            HttpClient without = HttpClient.newBuilder().sslContext(certificates.clientContext(false)).build();
            assertEquals(403, without.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "WANT: no certificate, no user");
        } finally {
            https.stop();
        }
    }

    @Test
    void configurationRejectsATrustStoreWithoutKeyStoreAndAnUnknownClientAuth() {
        Path client = TestCertificates.get().pkcs12("client");
        ProntoContainerConfiguration trustOnly = new ProntoContainerConfiguration();
        trustOnly.setTrustStore(client.toString());
        assertThrows(ConfigurationException.class, trustOnly::validate);

        ProntoContainerConfiguration badClientAuth = new ProntoContainerConfiguration();
        badClientAuth.setKeyStore(client.toString());
        badClientAuth.setClientAuth("SOMETIMES");
        assertThrows(ConfigurationException.class, badClientAuth::validate);
    }

    @Test
    void configurationRejectsAMissingUsersFile() {
        ProntoContainerConfiguration configuration = new ProntoContainerConfiguration();
        configuration.setUsers("no/such/users.properties");
        assertThrows(ConfigurationException.class, configuration::validate);
    }

    @Test
    void configurationRejectsABadPortAndAnUnresolvableAddress() {
        ProntoContainerConfiguration badPort = new ProntoContainerConfiguration();
        badPort.setPort(70_000);
        assertThrows(ConfigurationException.class, badPort::validate);

        ProntoContainerConfiguration badAddress = new ProntoContainerConfiguration();
        badAddress.setBindAddress("no-such-host.invalid");
        assertThrows(ConfigurationException.class, badAddress::validate);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HTTPContext httpContext(ProtocolMetaData metaData) {
        return metaData.getContexts(HTTPContext.class).iterator().next();
    }

    /** The exported copies of a WAR: {@code <tmp>/pronto-arquillian-<random>/<name>}. */
    private static List<Path> exportedFiles(String warName) throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("pronto-arquillian-"))
                    .map(d -> d.resolve(warName))
                    .filter(Files::exists)
                    .toList();
        }
    }
}
