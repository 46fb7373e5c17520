package dev.pronto.servlet.async;

import dev.pronto.container.Transport;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/** A Pronto server on an ephemeral port for the async suites, with helpers to register servlets and send requests. */
final class AsyncTestServer implements AutoCloseable {

    final ProntoServer server;

    private AsyncTestServer(ProntoServer server) {
        this.server = server;
    }

    static AsyncTestServer start(Consumer<WebAppBuilder> app) throws Exception {
        return start(Transport.AUTO, app);
    }

    static AsyncTestServer start(Transport transport, Consumer<WebAppBuilder> app) throws Exception {
        return new AsyncTestServer(Pronto.server()
                .config(c -> c.host("127.0.0.1").port(0).transport(transport))
                .webapp(app)
                .start());
    }

    /** Maps {@code servlet} to {@code pattern} as async-supported. */
    static void async(WebAppBuilder app, String pattern, Servlet servlet) {
        app.servlet(pattern + "#" + servlet.getClass().getSimpleName(), servlet, reg -> {
            reg.addMapping(pattern);
            reg.setAsyncSupported(true);
        });
    }

    /** Maps {@code servlet} to {@code pattern} as async-supported and non-blocking (it runs on the event loop). */
    static void asyncNonBlocking(WebAppBuilder app, String pattern, Servlet servlet) {
        app.servlet(pattern + "#" + servlet.getClass().getSimpleName(), servlet, reg -> {
            reg.addMapping(pattern);
            reg.setAsyncSupported(true);
            ((dev.pronto.servlet.context.ServletHolder) reg).setNonBlocking(true);
        });
    }

    int port() {
        return server.port();
    }

    /** One GET on a fresh connection. */
    RawHttpConnection.Response get(String target) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(port())) {
            return c.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n").read();
        }
    }

    /** Waits (bounded) until no request is in flight: the async ones have really ended. */
    void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.activeRequests() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        server.destroy();
    }
}
