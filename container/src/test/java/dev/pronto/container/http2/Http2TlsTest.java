package dev.pronto.container.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.container.Server;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import dev.pronto.container.Transport;
import dev.pronto.testing.OnEachTransport;
import dev.pronto.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;

/** h2 over TLS chosen by ALPN, with the JDK's HttpClient, on each transport and with both TLS providers. */
class Http2TlsTest {

    private static final TestCertificates CERTS = TestCertificates.get();

    private Server server;
    private Http2TestHandler handler;

    private int start(Transport transport, TlsConfig.Provider provider) throws Exception {
        handler = new Http2TestHandler();
        TlsConfig tls = TlsConfig.builder()
                .key(TlsKeyMaterial.keyStore(CERTS.pkcs12("localhost"), "PKCS12", TestCertificates.PASSWORD, null,
                        null))
                .provider(provider)
                .build();
        ServerConfig config = ServerConfig.builder().port(0).host("127.0.0.1").ioThreads(2).transport(transport)
                .tls(tls).http2(true).build();
        server = Server.create(config, handler).start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
            handler.workers.shutdownNow();
        }
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(CERTS.clientContext(false)).version(version)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @OnEachTransport
    void alpnChoosesH2AndManyConcurrentStreamsAreAnswered(Transport transport) throws Exception {
        for (TlsConfig.Provider provider : List.of(TlsConfig.Provider.JDK, TlsConfig.Provider.OPENSSL)) {
            int port = start(transport, provider);
            HttpClient client = client(HttpClient.Version.HTTP_2);
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(client.sendAsync(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                        + "/hello?" + i)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < responses.size(); i++) {
                HttpResponse<String> r = responses.get(i).get();
                assertEquals(HttpClient.Version.HTTP_2, r.version(), provider + " negotiated h2");
                assertEquals("hello " + i + " HTTP/2.0 localhost:" + port + " null", r.body());
            }
            stop();
        }
    }

    @OnEachTransport
    void largeUploadAndDownloadFlowUnderFlowControl(Transport transport) throws Exception {
        int port = start(transport, TlsConfig.Provider.AUTO);
        HttpClient client = client(HttpClient.Version.HTTP_2);
        byte[] upload = new byte[1024 * 1024];
        new Random(7).nextBytes(upload);
        HttpResponse<byte[]> echoed = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                + "/echo")).POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, echoed.version());
        assertArrayEquals(upload, echoed.body());

        HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                + "/stream?n=1024")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(1024 * 1024, download.body().length);
    }

    @OnEachTransport
    void anHttp11ClientOnTheSamePortGetsHttp11(Transport transport) throws Exception {
        int port = start(transport, TlsConfig.Provider.AUTO);
        HttpResponse<String> r = client(HttpClient.Version.HTTP_1_1).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/hello?old")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, r.version());
        assertEquals("hello old HTTP/1.1 localhost:" + port + " null", r.body());
    }

    @OnEachTransport
    void upgradeToH2cIsIgnoredOverTls(Transport transport) throws Exception {
        int port = start(transport, TlsConfig.Provider.AUTO);
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) CERTS.clientContext(false).getSocketFactory()
                .createSocket("localhost", port);
        socket.startHandshake(); // no ALPN offered: HTTP/1.1
        try (dev.pronto.testing.RawHttpConnection c = dev.pronto.testing.RawHttpConnection.over(socket)) {
            c.send("GET /hello?tls HTTP/1.1\r\nHost: t\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABk\r\n\r\n");
            dev.pronto.testing.RawHttpConnection.Response r = c.read();
            assertEquals(200, r.status(), "h2c is for cleartext only (RFC 7540 §3.2); TLS chooses by ALPN");
            assertEquals("hello tls HTTP/1.1 t null", r.body());
        }
    }
}
