package dev.pronto.session.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.NginxProcess;
import dev.pronto.testing.RedisServerProcess;
import dev.pronto.testing.ExternalBinary;
import dev.pronto.testing.TestCertificates;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scale-out recipe, for real: a redis-server, two Pronto instances on port 0 and nginx in front (round-robin
 * upstream, TLS ended at nginx, {@code X-Forwarded-*} set). A session made through nginx lives across both
 * instances; the client's address and scheme come through the forwarded headers; stopping one instance gracefully
 * while the client goes on loses no session and no request.
 */
class ScaleOutBehindNginxTest {

    private RedisServerProcess redis;
    private SessionTestApp a;
    private SessionTestApp b;
    private NginxProcess nginx;

    @BeforeEach
    void start() throws Exception {
        ExternalBinary.require("nginx", "nginx"); // before anything else starts
        redis = RedisServerProcess.start();
        a = SessionTestApp.start("A", redis.uri());
        b = SessionTestApp.start("B", redis.uri());
        TestCertificates certificates = TestCertificates.get();
        nginx = NginxProcess.start((prefix, port) -> config(prefix, port, certificates.pemCertificate(),
                certificates.pemKey()));
    }

    /** The README's recipe, with this test's ports, paths and certificate. */
    private String config(Path prefix, int port, Path certificate, Path key) {
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;

                    upstream pronto {
                        server 127.0.0.1:%2$d;
                        server 127.0.0.1:%3$d;
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%4$d ssl;
                        ssl_certificate %5$s;
                        ssl_certificate_key %6$s;
                        location / {
                            proxy_pass http://pronto;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Forwarded-Host $host;
                            proxy_set_header X-Forwarded-Port $server_port;
                            proxy_next_upstream error timeout;
                        }
                    }
                }
                """.formatted(prefix, a.port(), b.port(), port, certificate, key);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {nginx, a, b, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private SessionTestApp.Client client() {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestCertificates.get().clientContext(false))
                .build();
        return new SessionTestApp.Client(http, "https");
    }

    @Test
    void aSessionMadeThroughNginxLivesOnBothInstances() throws Exception {
        SessionTestApp.Client client = client();
        client.body(nginx.port, "op=set&k=user&v=ada");
        Set<String> servedBy = new HashSet<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String answer = client.body(nginx.port, "op=append&k=seq&v=" + i);
            servedBy.add(answer.substring(0, 1));
            expected.add(Integer.toString(i));
        }
        assertEquals(Set.of("A", "B"), servedBy, "round-robin reached both instances");
        for (int i = 0; i < 2; i++) {
            String answer = client.body(nginx.port, "op=get&k=seq");
            assertEquals(expected.toString(), answer.substring(2), "every change seen, on " + answer.charAt(0));
            assertEquals("ada", client.body(nginx.port, "op=get&k=user").substring(2));
        }
    }

    @Test
    void theClientsAddressAndSchemeComeThroughForwardedHeaders() throws Exception {
        SessionTestApp.Client client = client();
        for (int i = 0; i < 2; i++) { // once on each instance
            HttpResponse<String> response = client.send(nginx.port, "/s?op=client",
                    new String[] {"X-Forwarded-For", "203.0.113.9"});
            assertEquals(200, response.statusCode());
            // nginx appends the address it saw (127.0.0.1, trusted like nginx itself): the client is the one before
            assertEquals("203.0.113.9,https,true,127.0.0.1," + nginx.port, response.body().substring(2));
        }
    }

    @Test
    void stoppingOneInstanceGracefullyLosesNoSessionAndNoRequest() throws Exception {
        SessionTestApp.Client client = client();
        client.body(nginx.port, "op=set&k=user&v=ada");
        List<String> expected = new ArrayList<>();
        CompletableFuture<Void> stopping = null;
        Set<String> servedAfterStop = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                stopping = CompletableFuture.runAsync(() -> b.server.stop(Duration.ofSeconds(10)));
            }
            HttpResponse<String> response = client.send(nginx.port, "op=append&k=seq&v=" + i);
            assertEquals(200, response.statusCode(), "request " + i + ": " + response.body());
            expected.add(Integer.toString(i));
            if (stopping != null && stopping.isDone()) {
                servedAfterStop.add(response.body().substring(0, 1));
            }
        }
        stopping.get(30, TimeUnit.SECONDS);
        assertTrue(Set.of("A").containsAll(servedAfterStop), "only A serves once B stopped: " + servedAfterStop);
        String answer = client.body(nginx.port, "op=get&k=seq");
        assertEquals("A:" + expected, answer);
        assertEquals("A:ada", client.body(nginx.port, "op=get&k=user"));
    }
}
