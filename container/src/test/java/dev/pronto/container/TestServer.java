package dev.pronto.container;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Starts a {@link Server} on an ephemeral port with {@link TestHandlers}; closes both. */
final class TestServer implements AutoCloseable {

    final Server server;
    final TestHandlers handlers;

    private TestServer(Server server, TestHandlers handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    static TestServer start(Transport transport) throws IOException {
        return start(transport, b -> b);
    }

    static TestServer start(Transport transport, UnaryOperator<ServerConfig.Builder> customizer) throws IOException {
        TestHandlers handlers = new TestHandlers();
        ServerConfig config = customizer.apply(ServerConfig.builder().port(0).host("127.0.0.1").ioThreads(2)
                .transport(transport)).build();
        return new TestServer(Server.create(config, handlers).start(), handlers);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
        handlers.workers.shutdownNow();
    }
}
