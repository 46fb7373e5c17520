package dev.pronto.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.TestCertificates;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.ssl.OpenSsl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TLS over real sockets: both transports, both providers; handshake failures closed, counted, never a stack trace. */
class TlsTest {

    private static final TestCertificates CERTS = TestCertificates.get();
    private static final byte[] FILE_BODY = new byte[300_000];

    static {
        new Random(7).nextBytes(FILE_BODY);
    }

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private Server server;

    static Stream<Arguments> transportsAndProviders() {
        return Stream.of(Transport.EPOLL, Transport.NIO).flatMap(t -> Stream.of(
                Arguments.of(t, TlsConfig.Provider.JDK), Arguments.of(t, TlsConfig.Provider.OPENSSL)));
    }

    static Stream<TlsConfig.Provider> providers() {
        return Stream.of(TlsConfig.Provider.JDK, TlsConfig.Provider.OPENSSL);
    }

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
        System.setErr(originalErr);
        String logged = stderr.toString(StandardCharsets.UTF_8);
        originalErr.print(logged);
        assertFalse(logged.contains("\tat "), "a stack trace was logged:\n" + logged);
        assertFalse(logged.contains("WARN") || logged.contains("ERROR"), "a warning was logged:\n" + logged);
    }

    private static TlsKeyMaterial localhostKey() {
        return TlsKeyMaterial.keyStore(CERTS.pkcs12("localhost"), "PKCS12", TestCertificates.PASSWORD, null, null);
    }

    private Server start(Transport transport, TlsConfig.Provider provider, UnaryOperator<TlsConfig.Builder> tls)
            throws IOException {
        return start(transport, tls.apply(TlsConfig.builder().key(localhostKey()).provider(provider)).build(),
                c -> c);
    }

    private Server start(Transport transport, TlsConfig tls, UnaryOperator<ServerConfig.Builder> config)
            throws IOException {
        ServerConfig serverConfig = config.apply(ServerConfig.builder().host("127.0.0.1").port(0).ioThreads(2)
                .transport(transport).tls(tls)).build();
        server = Server.create(serverConfig, TlsTest::handle).start();
        return server;
    }

    /** Answers with what the exchange knows of TLS; {@code /file} sends a file through {@code writeFile}. */
    private static void handle(HttpExchange exchange) {
        if (exchange.target().equals("/file")) {
            sendFile(exchange);
            return;
        }
        if (exchange.target().equals("/echo")) {
            new Thread(() -> echo(exchange)).start();
            return;
        }
        SSLSession session = exchange.tlsSession();
        String peer = "none";
        if (session != null) {
            try {
                peer = ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                peer = "none";
            }
        }
        String text = exchange.scheme() + " " + (session == null ? "-" : session.getProtocol() + " "
                + session.getCipherSuite()) + " peer=" + peer;
        exchange.send(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private static void sendFile(HttpExchange exchange) {
        try {
            Path file = Files.createTempFile("pronto-tls", ".bin");
            Files.write(file, FILE_BODY);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
            exchange.responseHeaders().set("content-length", FILE_BODY.length);
            exchange.writeFile(channel, 0, FILE_BODY.length);
            exchange.end();
        } catch (IOException e) {
            exchange.abort();
        }
    }

    private static void echo(HttpExchange exchange) {
        try (InputStream in = exchange.body().inputStream()) {
            byte[] body = in.readAllBytes();
            ByteBuf out = exchange.alloc().buffer(body.length);
            out.writeBytes(body);
            exchange.send(out);
        } catch (IOException e) {
            exchange.abort();
        }
    }

    private HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> get(SSLContext context, String path) throws Exception {
        return client(context).send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndProviders")
    void servesHttpsWithTheChosenProvider(Transport transport, TlsConfig.Provider provider) throws Exception {
        start(transport, provider, b -> b);
        assertEquals(provider == TlsConfig.Provider.JDK ? "JDK" : "OpenSSL", server.tlsProvider());
        HttpResponse<String> response = get(CERTS.clientContext(false), "/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("https TLSv1.3 TLS_"), response.body());
        assertTrue(response.body().endsWith("peer=none"), response.body());
        assertEquals(server.port(), server.securePort());
        assertEquals(-1, server.httpPort());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndProviders")
    void largeBodiesBothWaysAndFileBodiesGoThroughTls(Transport transport, TlsConfig.Provider provider)
            throws Exception {
        start(transport, provider, b -> b);
        HttpClient client = client(CERTS.clientContext(false));
        HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.port() + "/file")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(FILE_BODY, file.body());
        HttpResponse<byte[]> echoed = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.port() + "/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(FILE_BODY)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(FILE_BODY, echoed.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void pemAndJksKeyMaterial(TlsConfig.Provider provider) throws Exception {
        start(Transport.AUTO, provider, b -> b.key(TlsKeyMaterial.pem(CERTS.pemCertificate(), CERTS.pemKey(), null)));
        assertEquals(200, get(CERTS.clientContext(false), "/").statusCode());
        server.stop(Duration.ZERO);
        start(Transport.AUTO, provider, b -> b.key(TlsKeyMaterial.keyStore(CERTS.jks(), "JKS",
                TestCertificates.PASSWORD, "localhost", TestCertificates.PASSWORD)));
        assertEquals(200, get(CERTS.clientContext(false), "/").statusCode());
    }

    @Test
    void badKeyMaterialFailsTheStartNamingTheFile() {
        IOException e = assertThrows(IOException.class, () -> start(Transport.AUTO, TlsConfig.Provider.JDK,
                b -> b.key(TlsKeyMaterial.keyStore(CERTS.pkcs12("localhost"), "PKCS12", "wrong", null, null))));
        assertTrue(e.getMessage().contains("localhost.p12"), e.getMessage());
        server = null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void sniChoosesTheCertificateByHostName(TlsConfig.Provider provider) throws Exception {
        start(Transport.AUTO, provider, b -> b.sniKey("other.test", TlsKeyMaterial.keyStore(CERTS.pkcs12("other"),
                null, TestCertificates.PASSWORD, null, null)));
        assertEquals("CN=other.test", peerSubject(CERTS.clientContext(false), "other.test", null));
        assertEquals("CN=localhost", peerSubject(CERTS.clientContext(false), "localhost", null));
        assertEquals("CN=localhost", peerSubject(CERTS.clientContext(false), null, null));
        assertEquals("CN=localhost", peerSubject(CERTS.clientContext(false), "unknown.test", null));
    }

    private String peerSubject(SSLContext context, String sniName, String protocol) throws IOException {
        try (SSLSocket socket = handshake(context, sniName, protocol)) {
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal()
                    .getName();
        }
    }

    private SSLSocket handshake(SSLContext context, String sniName, String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(sniName == null ? List.of() : List.of(new SNIHostName(sniName)));
        if (protocol != null) {
            parameters.setProtocols(new String[] {protocol});
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void protocolsAndCiphersAreConfigurable(TlsConfig.Provider provider) throws Exception {
        String cipher = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        start(Transport.AUTO, provider, b -> b.protocols(List.of("TLSv1.2")).ciphers(List.of(cipher)));
        try (SSLSocket socket = handshake(CERTS.clientContext(false), null, null)) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertEquals(cipher, socket.getSession().getCipherSuite());
            RawHttpConnection http = RawHttpConnection.over(socket);
            String body = http.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").read().body();
            assertEquals("https TLSv1.2 " + cipher + " peer=none", body);
        }
        assertThrows(IOException.class, () -> handshake(CERTS.clientContext(false), null, "TLSv1.3").close());
        awaitFailures(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void clientCertificatesWantedAndNeeded(TlsConfig.Provider provider) throws Exception {
        TlsTrustMaterial trust = TlsTrustMaterial.trustStore(CERTS.pkcs12("client"), null, TestCertificates.PASSWORD);
        start(Transport.AUTO, provider, b -> b.trust(trust).clientAuth(TlsConfig.ClientAuth.WANT));
        assertTrue(get(CERTS.clientContext(true), "/").body().endsWith("peer=CN=test client"));
        assertTrue(get(CERTS.clientContext(false), "/").body().endsWith("peer=none"));
        server.stop(Duration.ZERO);

        start(Transport.AUTO, provider, b -> b.trust(trust).clientAuth(TlsConfig.ClientAuth.NEED));
        assertTrue(get(CERTS.clientContext(true), "/").body().endsWith("peer=CN=test client"));
        assertThrows(IOException.class, () -> get(CERTS.clientContext(false), "/"));
        // the JDK client may try a second connection after the first is refused
        assertTrue(server.tlsHandshakeFailures() >= 1 || awaitFailuresReached(1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndProviders")
    void plainHttpOnTheTlsPortIsClosedAndCounted(Transport transport, TlsConfig.Provider provider) throws Exception {
        start(transport, provider, b -> b);
        try (RawHttpConnection raw = RawHttpConnection.open(server.port())) {
            raw.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(raw.isClosedByServer(), "the server closes a connection that does not speak TLS");
        }
        awaitFailures(1);
        assertEquals(200, get(CERTS.clientContext(false), "/").statusCode());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndProviders")
    void stalledHandshakesAreClosedAfterTheTimeout(Transport transport, TlsConfig.Provider provider)
            throws Exception {
        start(transport, provider, b -> b.handshakeTimeout(Duration.ofMillis(300)));
        try (RawHttpConnection silent = RawHttpConnection.open(server.port());
             RawHttpConnection partial = RawHttpConnection.open(server.port())) {
            // a TLS record header announcing a 512-byte handshake record, then nothing
            partial.send(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});
            assertTrue(silent.isClosedByServer(), "a client that never says hello is closed");
            assertTrue(partial.isClosedByServer(), "a client whose hello stalls is closed");
        }
        awaitFailures(2);
    }

    @Test
    void stalledHandshakeIsClosedWithSni() throws Exception {
        start(Transport.AUTO, TlsConfig.Provider.JDK, b -> b.handshakeTimeout(Duration.ofMillis(300))
                .sniKey("other.test", TlsKeyMaterial.keyStore(CERTS.pkcs12("other"), null, TestCertificates.PASSWORD,
                        null, null)));
        try (RawHttpConnection silent = RawHttpConnection.open(server.port());
             RawHttpConnection garbage = RawHttpConnection.open(server.port())) {
            garbage.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertTrue(silent.isClosedByServer());
            assertTrue(garbage.isClosedByServer());
        }
        awaitFailures(2);
    }

    @Test
    void httpAndHttpsOnTwoPortsOfOneServer() throws Exception {
        start(Transport.AUTO, TlsConfig.builder().key(localhostKey()).build(), c -> c.httpPort(0));
        assertTrue(server.httpPort() > 0 && server.httpPort() != server.port());
        assertEquals(server.port(), server.securePort());
        assertTrue(get(CERTS.clientContext(false), "/").body().startsWith("https TLSv1.3"));
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("http - peer=none", plain.body());
    }

    @Test
    void httpPortWithoutTlsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.builder().httpPort(8080).build());
        assertTrue(e.getMessage().contains("httpPort"), e.getMessage());
    }

    @Test
    void reloadPicksUpANewCertificateForNewConnections(@TempDir Path dir) throws Exception {
        Path first = TestCertificates.generate(dir, "first", "CN=localhost", "SAN=dns:localhost");
        Path second = TestCertificates.generate(dir, "second", "CN=localhost", "SAN=dns:localhost");
        Path served = dir.resolve("served.p12");
        Files.copy(first, served);
        start(Transport.AUTO, TlsConfig.Provider.JDK, b -> b.key(
                TlsKeyMaterial.keyStore(served, null, TestCertificates.PASSWORD, null, null)));
        SSLContext trustsBoth = CERTS.clientContext(false, first, second);
        assertEquals(TestCertificates.certificate(first), servedCertificate(trustsBoth));

        Files.copy(second, served, StandardCopyOption.REPLACE_EXISTING);
        server.reloadTls();
        assertEquals(TestCertificates.certificate(second), servedCertificate(trustsBoth));
    }

    @Test
    void changedKeyFilesAreReloadedWhenWatched(@TempDir Path dir) throws Exception {
        Path first = TestCertificates.generate(dir, "first", "CN=localhost", "SAN=dns:localhost");
        Path second = TestCertificates.generate(dir, "second", "CN=localhost", "SAN=dns:localhost");
        Path served = dir.resolve("served.p12");
        Files.copy(first, served);
        start(Transport.AUTO, TlsConfig.Provider.JDK, b -> b.reloadCheckInterval(Duration.ofMillis(50)).key(
                TlsKeyMaterial.keyStore(served, null, TestCertificates.PASSWORD, null, null)));
        SSLContext trustsBoth = CERTS.clientContext(false, first, second);
        assertEquals(TestCertificates.certificate(first), servedCertificate(trustsBoth));

        Files.copy(second, served, StandardCopyOption.REPLACE_EXISTING);
        X509Certificate expected = TestCertificates.certificate(second);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(servedCertificate(trustsBoth)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, servedCertificate(trustsBoth));
    }

    @Test
    void aChangedKeyFileThatDoesNotLoadKeepsTheCurrentKeyAndIsReportedOnce(@TempDir Path dir) throws Exception {
        Path first = TestCertificates.generate(dir, "first", "CN=localhost", "SAN=dns:localhost");
        Path served = dir.resolve("served.p12");
        Files.copy(first, served);
        start(Transport.AUTO, TlsConfig.Provider.JDK, b -> b.reloadCheckInterval(Duration.ofMillis(20)).key(
                TlsKeyMaterial.keyStore(served, null, TestCertificates.PASSWORD, null, null)));
        SSLContext trustsFirst = CERTS.clientContext(false, first);

        Files.writeString(served, "not a key store");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!stderr.toString(StandardCharsets.UTF_8).contains("not reloaded") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // ten more checks of the unchanged bad file
        assertEquals(TestCertificates.certificate(first), servedCertificate(trustsFirst));
        String logged = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(1, logged.split("TLS key material not reloaded", -1).length - 1, logged);
        stderr.reset(); // the one warning this test expects
    }

    private X509Certificate servedCertificate(SSLContext context) throws IOException {
        try (SSLSocket socket = handshake(context, "localhost", null)) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void openSslLoadsOnThisMachine() {
        assertTrue(OpenSsl.isAvailable(), "netty-tcnative-boringssl-static should load: "
                + OpenSsl.unavailabilityCause());
    }

    @Test
    void cleartextServerHasNoTls() throws Exception {
        server = Server.create(ServerConfig.builder().host("127.0.0.1").port(0).ioThreads(1).build(), TlsTest::handle)
                .start();
        assertEquals(-1, server.securePort());
        assertEquals(null, server.tlsProvider());
        assertThrows(IllegalStateException.class, () -> server.reloadTls());
        try (RawHttpConnection raw = RawHttpConnection.open(server.port())) {
            assertEquals("http - peer=none",
                    raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().body());
        }
    }

    private boolean awaitFailuresReached(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.tlsHandshakeFailures() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return server.tlsHandshakeFailures() >= atLeast;
    }

    /** The count is bumped on the event loop right after the close the client saw. */
    private void awaitFailures(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.tlsHandshakeFailures() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, server.tlsHandshakeFailures());
    }
}
