package dev.pronto.benchmarks.servlets;

import dev.pronto.benchmarks.peers.HelloWorld;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /json}: 200, {@code application/json}, body {@code {"message":"Hello, World!"}}
 * serialized anew for each request (by hand, no JSON library) with an explicit
 * {@code Content-Length}. Runs on whatever thread the container gives it; stateless.
 */
public final class JsonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = HelloWorld.json(HelloWorld.MESSAGE).getBytes(StandardCharsets.UTF_8);
        response.setContentType(HelloWorld.JSON_CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
