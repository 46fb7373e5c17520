package dev.pronto.samples.core;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.HttpHandler;
import dev.pronto.container.Server;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A core-only app (no servlets) answering {@code /plaintext} and {@code /json} inline on the event loop: the upper
 * bound the benchmarks hold the servlet bridge to. Usage: {@code java -jar hello-core.jar [--port N] [--threads N]
 * [--transport auto|epoll|io_uring|nio]}.
 */
public final class HelloCore implements HttpHandler {

    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
    private static final ByteBuf PLAINTEXT = constant("Hello, World!");
    private static final ByteBuf JSON = constant("{\"message\":\"Hello, World!\"}");

    private static ByteBuf constant(String text) {
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)))
                .asReadOnly();
    }

    @Override
    public void handle(HttpExchange exchange) {
        String target = exchange.target();
        boolean get = exchange.method() == HttpMethod.GET || exchange.method() == HttpMethod.HEAD;
        if (get && target.equals("/plaintext")) {
            respond(exchange, TEXT_PLAIN, PLAINTEXT);
        } else if (get && target.equals("/json")) {
            respond(exchange, APPLICATION_JSON, JSON);
        } else {
            exchange.status(404);
            respond(exchange, TEXT_PLAIN, Unpooled.EMPTY_BUFFER);
        }
    }

    private static void respond(HttpExchange exchange, AsciiString contentType, ByteBuf body) {
        exchange.responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        exchange.send(body.duplicate());
    }

    public static void main(String[] args) throws Exception {
        ServerConfig.Builder config = ServerConfig.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> config.port(Integer.parseInt(args[++i]));
                case "--threads" -> config.ioThreads(Integer.parseInt(args[++i]));
                case "--transport" -> config.transport(Transport.valueOf(args[++i].toUpperCase()));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --port N, --threads N, --transport auto|epoll|io_uring|nio)");
            }
        }
        Server server = Server.create(config.build(), new HelloCore()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(5)), "pronto-shutdown"));
        Thread.currentThread().join();
    }
}
