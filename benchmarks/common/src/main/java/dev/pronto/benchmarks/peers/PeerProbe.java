package dev.pronto.benchmarks.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Checks that a running server answers {@code /plaintext} and {@code /json} as the benchmark expects; for tests. */
public final class PeerProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private PeerProbe() {
    }

    /** GETs both endpoints on loopback and throws {@link AssertionError} naming the first difference. */
    public static void assertServesHelloWorld(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
        check(client, port, "/plaintext", HelloWorld.PLAINTEXT_CONTENT_TYPE, HelloWorld.MESSAGE);
        check(client, port, "/json", HelloWorld.JSON_CONTENT_TYPE, HelloWorld.EXPECTED_JSON);
    }

    /** As {@link #assertServesHelloWorld}, over HTTPS, trusting any certificate (the peers make a self-signed one). */
    public static void assertServesHelloWorldOverTls(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .sslContext(trustingAnyCertificate()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/plaintext"))
                .timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        expect("/plaintext status", 200, response.statusCode());
        expect("/plaintext body", HelloWorld.MESSAGE, response.body());
    }

    private static javax.net.ssl.SSLContext trustingAnyCertificate() throws IOException {
        javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /**
     * GETs {@code /plaintext} over h2c (the JDK client sends {@code Upgrade: h2c} on an {@code http} URL) and throws
     * {@link AssertionError} unless both answers came over HTTP/2.
     */
    public static void assertServesH2c(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT).build();
        for (int i = 0; i < 2; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/plaintext"))
                    .timeout(TIMEOUT).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            expect("/plaintext status", 200, response.statusCode());
            expect("/plaintext version", HttpClient.Version.HTTP_2, response.version());
            expect("/plaintext body", HelloWorld.MESSAGE, response.body());
        }
    }

    /**
     * GETs {@code /plaintext} and {@code /json} over HTTPS offering h2 by ALPN, trusting any certificate, and throws
     * {@link AssertionError} unless both answers came over HTTP/2 with the expected bodies.
     */
    public static void assertServesH2OverTls(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT)
                .sslContext(trustingAnyCertificate()).build();
        String[][] expected = {{"/plaintext", HelloWorld.MESSAGE}, {"/json", HelloWorld.EXPECTED_JSON}};
        for (String[] pathAndBody : expected) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + pathAndBody[0]))
                    .timeout(TIMEOUT).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            expect(pathAndBody[0] + " status", 200, response.statusCode());
            expect(pathAndBody[0] + " version", HttpClient.Version.HTTP_2, response.version());
            expect(pathAndBody[0] + " body", pathAndBody[1], response.body());
        }
    }

    private static void check(HttpClient client, int port, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        expect(path + " status", 200, response.statusCode());
        String type = response.headers().firstValue("content-type").orElse("");
        if (!type.startsWith(contentType)) {
            throw new AssertionError(path + " content-type: expected " + contentType + ", got '" + type + "'");
        }
        expect(path + " body", body, response.body());
        long length = body.getBytes(StandardCharsets.UTF_8).length;
        expect(path + " content-length", length, response.headers().firstValueAsLong("content-length").orElse(-1));
    }

    private static void expect(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }
}
