package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.worker.RequestExecutor;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Where servlet code runs: blocking servlets never on the event loop, non-blocking ones inline on it; the
 * concurrency limit; a client that goes away frees the worker.
 */
class ExecutionServletTest {

    /** Reports the thread it runs on. */
    static final class ThreadServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(Thread.currentThread().getName());
        }
    }

    @Test
    void blockingServletsRunOnWorkersAndNonBlockingOnesInline() throws Exception {
        try (ServletTestServer server = ServletTestServer.start(app -> app.servlet("/blocking", new ThreadServlet())
                .nonBlockingServlet("/inline", new ThreadServlet())
                .servlet("byParam", new ThreadServlet(), r -> {
                    r.addMapping("/param");
                    r.setInitParameter("dev.pronto.nonBlocking", "true");
                }))) {
            String worker = server.get("/blocking").body();
            assertFalse(worker.startsWith("pronto-io"), worker);
            assertTrue(worker.startsWith("pronto-vt-") || worker.startsWith("pronto-worker-"), worker);
            assertTrue(server.get("/inline").body().startsWith("pronto-io"));
            assertTrue(server.get("/param").body().startsWith("pronto-io"));
        }
    }

    @Test
    void virtualThreadsAreUsedWhereTheJvmHasThem() throws Exception {
        try (ServletTestServer server = ServletTestServer.start(app -> app.servlet("/t", new ThreadServlet()))) {
            String name = server.get("/t").body();
            boolean hasVirtualThreads = Runtime.version().feature() >= 21;
            assertEquals(hasVirtualThreads, name.startsWith("pronto-vt-"), name);
            assertEquals(hasVirtualThreads, server.server().executor().isVirtual());
        }
    }

    /** Counts how many requests run at once. */
    static final class GateServlet extends HttpServlet {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch twoIn = new CountDownLatch(2);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            twoIn.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            resp.getWriter().print("ok");
        }
    }

    @Test
    void concurrencyLimitQueuesTheRest() throws Exception {
        GateServlet gate = new GateServlet();
        try (ServletTestServer server = ServletTestServer.start(Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .executor(RequestExecutor.Kind.AUTO, 2)
                .webapp(app -> app.servlet("/gate", gate)))) {
            List<CompletableFuture<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(server.client().sendAsync(server.request("/gate").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(gate.twoIn.await(10, TimeUnit.SECONDS));
            gate.release.countDown();
            for (var call : calls) {
                assertEquals("ok", call.get(20, TimeUnit.SECONDS).body());
            }
            assertEquals(2, gate.peak.get(), "never more than the limit at once");
        }
    }

    /** {@code /slow} waits until the test has seen the fast responses; {@code /fast} answers at once. */
    static final class SlowAndFast extends HttpServlet {
        final CountDownLatch fastSeen = new CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getServletPath().equals("/slow")) {
                try {
                    fastSeen.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            resp.getWriter().print(req.getServletPath());
        }
    }

    @Test
    void aSlowRequestDoesNotHoldUpOtherConnectionsBatchedWithIt() throws Exception {
        SlowAndFast servlet = new SlowAndFast();
        try (ServletTestServer server = ServletTestServer.start(app -> app.servlet("sf", servlet,
                r -> r.addMapping("/slow", "/fast")))) {
            List<RawHttpConnection> fast = new ArrayList<>();
            RawHttpConnection slow = RawHttpConnection.open(server.port());
            for (int i = 0; i < 4; i++) {
                fast.add(RawHttpConnection.open(server.port()));
            }
            // Written back to back, so the event loop most likely reads them in one round and batches them.
            slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
            for (RawHttpConnection c : fast) {
                c.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n");
            }
            for (RawHttpConnection c : fast) {
                assertEquals("/fast", c.read().body(), "answered while /slow is still running");
            }
            servlet.fastSeen.countDown();
            assertEquals("/slow", slow.read().body());
            slow.close();
            for (RawHttpConnection c : fast) {
                c.close();
            }
        }
    }

    /** Blocks reading a body that never fully arrives. */
    static final class StuckReader extends HttpServlet {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch freed = new CountDownLatch(1);

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            reading.countDown();
            try {
                req.getInputStream().readAllBytes();
            } catch (IOException e) {
                freed.countDown();
            }
        }
    }

    @Test
    void clientDisconnectWakesABlockedReader() throws Exception {
        StuckReader servlet = new StuckReader();
        try (ServletTestServer server = ServletTestServer.start(app -> app.servlet("/stuck", servlet))) {
            RawHttpConnection c = RawHttpConnection.open(server.port());
            c.send("POST /stuck HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nonly a part");
            assertTrue(servlet.reading.await(10, TimeUnit.SECONDS));
            c.close();
            assertTrue(servlet.freed.await(10, TimeUnit.SECONDS), "the blocked read fails once the client is gone");
        }
    }

    @Test
    void severalApplicationsByContextPath() throws Exception {
        try (ServletTestServer server = ServletTestServer.start(Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app -> app.contextPath("/shop").servlet("/*", new NamedServlet("shop")))
                .webapp(app -> app.contextPath("/shop/admin").servlet("/*", new NamedServlet("admin")))
                .webapp(app -> app.servlet("/*", new NamedServlet("root"))))) {
            assertEquals("shop|/shop", server.get("/shop/cart").body());
            assertEquals("admin|/shop/admin", server.get("/shop/admin/users").body());
            assertEquals("root|", server.get("/shopping").body());
        }
    }

    /** Says its name and context path. */
    static final class NamedServlet extends HttpServlet {
        private final String name;

        NamedServlet(String name) {
            this.name = name;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(name + "|" + req.getContextPath());
        }
    }
}
