package dev.pronto.servlet;

import dev.pronto.container.Transport;
import dev.pronto.testing.RawHttpConnection;
import java.io.IOException;
import java.util.function.Consumer;

/** A {@link ProntoServer} with one web application on an ephemeral loopback port, for socket-level tests. */
public final class ServletTestServer implements AutoCloseable {

    private final ProntoServer server;

    private ServletTestServer(ProntoServer server) {
        this.server = server;
    }

    public static ServletTestServer start(Consumer<WebAppBuilder> app) throws Exception {
        return start(Transport.AUTO, app);
    }

    public static ServletTestServer start(Transport transport, Consumer<WebAppBuilder> app) throws Exception {
        return new ServletTestServer(Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2).transport(transport))
                .webapp(app)
                .start());
    }

    public int port() {
        return server.port();
    }

    public ProntoServer server() {
        return server;
    }

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

    @Override
    public void close() {
        server.close();
    }
}
