package dev.pronto.servlet.async;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.OnEachTransport;
import static dev.pronto.servlet.async.AsyncServlets.async;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.container.Transport;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Async requests in an HTTP/1.1 pipeline: responses leave in request order whichever finishes first (RFC 9112 §9.3.2). */
class AsyncPipelineTest {

    private static final String PIPELINE_TAIL = """
            GET /sync?n=1 HTTP/1.1\r
            Host: t\r
            \r
            GET /sync?n=2 HTTP/1.1\r
            Host: t\r
            \r
            """;

    @OnEachTransport
    void asyncRequestBehindTwoSyncOnesIsAnsweredInOrder(Transport transport) throws Exception {
        try (ServletTestServer s = ServletTestServer.start(transport, app -> {
            app.servlet("/sync", new Sync(new CountDownLatch(0)));
            async(app, "/async", new CompleteElsewhere(new CountDownLatch(0)));
        }); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send(PIPELINE_TAIL + "GET /async HTTP/1.1\r\nHost: t\r\n\r\n");
            List<Response> responses = c.read(3);
            assertEquals(List.of("sync 1", "sync 2", "async"), responses.stream().map(Response::body).toList());
        }
    }

    @OnEachTransport
    void asyncRequestThatFinishesLastIsStillAnsweredFirst(Transport transport) throws Exception {
        CountDownLatch secondServed = new CountDownLatch(1);
        try (ServletTestServer s = ServletTestServer.start(transport, app -> {
            app.servlet("/sync", new Sync(secondServed));
            async(app, "/async", new CompleteElsewhere(secondServed));
        }); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("GET /async HTTP/1.1\r\nHost: t\r\n\r\n" + PIPELINE_TAIL);
            List<Response> responses = c.read(3);
            assertEquals(List.of("async", "sync 1", "sync 2"), responses.stream().map(Response::body).toList());
        }
    }

    /** Answers {@code sync <n>}; the second one releases {@code served}. */
    static final class Sync extends HttpServlet {
        private final CountDownLatch served;

        Sync(CountDownLatch served) {
            this.served = served;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("sync " + req.getParameter("n"));
            if ("2".equals(req.getParameter("n"))) {
                served.countDown();
            }
        }
    }

    /** Completes on another thread once {@code release} opens. */
    static final class CompleteElsewhere extends HttpServlet {
        private final CountDownLatch release;

        CompleteElsewhere(CountDownLatch release) {
            this.release = release;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ac = req.startAsync();
            new Thread(() -> {
                AsyncContextTest.await(release);
                AsyncContextTest.write(ac, "async");
                ac.complete();
            }).start();
        }
    }
}
