package dev.pronto.robustness.differential;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The servlet every peer runs for every method: notes the client port of each request that reaches it, reads the
 * body to its end (a failed read propagates, so the container answers it), then answers 200 {@code ran} with an
 * {@code x-probe} header. Thread-safe; runs on each container's request threads.
 */
final class ProbeServlet extends HttpServlet {

    static final String MARKER = "x-probe";

    private final Set<Integer> reachedFrom = new HashSet<>();
    private int running;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        synchronized (this) {
            reachedFrom.add(req.getRemotePort());
            running++;
        }
        try {
            req.getInputStream().readAllBytes();
            resp.setHeader(MARKER, "ran");
            resp.setContentType("text/plain");
            resp.getOutputStream().write(new byte[] {'r', 'a', 'n'});
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /** Whether a request from {@code clientPort} reached the servlet, once no invocation is running any more. */
    synchronized boolean reachedFrom(int clientPort, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (running > 0 && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
        return reachedFrom.remove(clientPort);
    }
}
