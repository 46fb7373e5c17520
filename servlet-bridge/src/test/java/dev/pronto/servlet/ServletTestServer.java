package dev.pronto.servlet;

import dev.pronto.container.Transport;
import dev.pronto.testing.RawHttpConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one test server of the bridge's suites: a {@link ProntoServer} with one web application on an ephemeral
 * loopback port, talked to over real sockets, raw ({@link #connect}, {@link #exchange}) or through the JDK
 * {@link HttpClient} ({@link #get}, {@link #send}; redirects not followed). Used by one test at a time.
 */
public final class ServletTestServer implements AutoCloseable {

    private final ProntoServer server;
    private HttpClient client;

    private ServletTestServer(ProntoServer server) {
        this.server = server;
    }

    public static ServletTestServer start(Consumer<WebAppBuilder> app) throws Exception {
        return start(Transport.AUTO, app);
    }

    public static ServletTestServer start(Transport transport, Consumer<WebAppBuilder> app) throws Exception {
        return start(Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2).transport(transport))
                .webapp(app));
    }

    /** Starts a server configured by the test (still on port 0). */
    public static ServletTestServer start(ProntoServer.Builder builder) throws Exception {
        return new ServletTestServer(builder.start());
    }

    public int port() {
        return server.port();
    }

    public ProntoServer server() {
        return server;
    }

    // ---- raw sockets -------------------------------------------------------------------------------------------

    public RawHttpConnection connect() throws IOException {
        return RawHttpConnection.open(port());
    }

    /** Sends one request on a new connection and reads its response. */
    public RawHttpConnection.Response exchange(String request) throws IOException {
        try (RawHttpConnection c = connect()) {
            c.send(request);
            return c.read(request.startsWith("HEAD "));
        }
    }

    /** One {@code GET} of {@code target} on a new connection. */
    public RawHttpConnection.Response rawGet(String target) throws IOException {
        return exchange("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
    }

    // ---- JDK HttpClient ----------------------------------------------------------------------------------------

    /** A client made on first use; it follows no redirects. */
    public synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client().send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (bounded) until no request is in flight: async ones have really ended. */
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.activeRequests() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
