package dev.pronto.servlet;

/**
 * The entry point for embedding: {@code Pronto.server().config(c -> c.port(8080))
 * .webapp(app -> app.servlet("/hello/*", new HelloServlet())).start();}. Stateless.
 */
public final class Pronto {

    private Pronto() {
    }

    /** A builder for a servlet container. */
    public static ProntoServer.Builder server() {
        return ProntoServer.builder();
    }
}
