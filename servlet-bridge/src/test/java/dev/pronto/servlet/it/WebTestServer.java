package dev.pronto.servlet.it;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.WebAppBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** Starts a {@link ProntoServer} with one web application on an ephemeral port and talks to it over HTTP. */
final class WebTestServer implements AutoCloseable {

    final ProntoServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private WebTestServer(ProntoServer server) {
        this.server = server;
    }

    static WebTestServer start(Consumer<WebAppBuilder> app) throws Exception {
        return new WebTestServer(Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app).start());
    }

    static WebTestServer start(ProntoServer.Builder builder) throws Exception {
        return new WebTestServer(builder.start());
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        server.destroy();
    }
}
