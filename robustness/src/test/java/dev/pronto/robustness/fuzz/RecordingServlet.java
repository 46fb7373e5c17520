package dev.pronto.robustness.fuzz;

import dev.pronto.robustness.fuzz.DecoderTranscript.BodyEnd;
import dev.pronto.robustness.fuzz.DecoderTranscript.Request;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A servlet that remembers every request it sees (by the client's port, so each fuzz input reads only its own),
 * reads each body to its end or to the first error, and answers {@code ok}. Thread-safe; runs on Pronto's workers.
 */
final class RecordingServlet extends HttpServlet {

    /** One request as the servlet saw it; {@code bodyComplete} is false when reading the body failed. */
    record Seen(int clientPort, String method, String protocol, String uri, byte[] body, boolean bodyComplete) {

        boolean matches(Request request) {
            return method.equals(request.method()) && protocol.equals(request.version());
        }

        @Override
        public String toString() {
            return method + ' ' + uri + ' ' + protocol + " body=" + HttpBytes.printable(body)
                    + (bodyComplete ? "" : " (read failed)");
        }
    }

    private final List<Seen> seen = new ArrayList<>();
    private int running;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        synchronized (this) {
            running++;
        }
        try {
            byte[] body;
            boolean complete;
            try {
                body = req.getInputStream().readAllBytes();
                complete = true;
            } catch (IOException e) {
                body = new byte[0];
                complete = false;
            }
            synchronized (this) {
                seen.add(new Seen(req.getRemotePort(), req.getMethod(), req.getProtocol(), req.getRequestURI(), body,
                        complete));
            }
            resp.setContentType("text/plain");
            try {
                resp.getOutputStream().write(new byte[] {'o', 'k'});
            } catch (IOException e) {
                // the client is gone: nothing to answer
            }
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /** Waits until no invocation is running; fails after {@code millis}, which only a hang reaches. */
    synchronized void awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (running > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("a servlet invocation is still running after the connection closed");
            }
            wait(left);
        }
    }

    /** Returns and forgets what was seen from the client at {@code clientPort}, in order of arrival. */
    synchronized List<Seen> takeSeen(int clientPort) {
        List<Seen> mine = new ArrayList<>();
        seen.removeIf(s -> s.clientPort() == clientPort && mine.add(s));
        seen.clear(); // late invocations of earlier inputs are stale by now
        return mine;
    }

    /** The decoded request that {@code s} is: same method and version, preferring the same complete body. */
    static Request match(Seen s, List<Request> candidates) {
        Request first = null;
        for (Request r : candidates) {
            if (!s.matches(r)) {
                continue;
            }
            if (s.bodyComplete() && r.end() == BodyEnd.COMPLETE && Arrays.equals(s.body(), r.body())) {
                return r;
            }
            if (first == null) {
                first = r;
            }
        }
        return first;
    }
}
