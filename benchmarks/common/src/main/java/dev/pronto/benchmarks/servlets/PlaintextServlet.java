package dev.pronto.benchmarks.servlets;

import dev.pronto.benchmarks.peers.HelloWorld;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /plaintext}: 200, {@code text/plain}, body {@code Hello, World!} with an explicit
 * {@code Content-Length}. Runs on whatever thread the container gives it; stateless.
 */
public final class PlaintextServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final byte[] BODY = HelloWorld.plaintextBytes();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(HelloWorld.PLAINTEXT_CONTENT_TYPE);
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
