package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.worker.RequestExecutor;
import dev.pronto.testing.KeepAliveLoadClient;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robustness battery over real sockets, with a servlet application on the worker executor: many idle
 * connections, slowloris, a client aborting an upload, graceful shutdown under load. The executor runs one request
 * at a time where the point is that nothing holds a worker it should not.
 */
class RobustnessServletTest {

    private static final Logger log = LoggerFactory.getLogger(RobustnessServletTest.class);

    /** Answers a fixed text. */
    static final class Text extends HttpServlet {
        private final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(text);
        }
    }

    private static ProntoServer.Builder oneWorker() {
        return Pronto.server().executor(RequestExecutor.Kind.PLATFORM, 1);
    }

    // ---- many idle connections ---------------------------------------------------------------------------------

    /**
     * Up to 10 000 idle connections (as many as the descriptor limits of this JVM and of the child JVM holding the
     * client ends allow; the count is logged) cost no worker: with a single worker a fresh client is still served,
     * and no idle connection was dropped to make room.
     */
    @Test
    void tenThousandIdleConnectionsCostNoWorkerAndAFreshClientIsStillServed() throws Exception {
        int wanted = Math.min(10_000, IdleConnectionsClient.descriptorHeadroom(200));
        try (ServletTestServer server = ServletTestServer.start(oneWorker()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2).maxConnections(wanted + 100))
                .webapp(app -> app.servlet("/hello", new Text("hello"))))) {
            Process child = startIdleClients(server.port(), wanted, 100);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.US_ASCII)); PrintStream in = new PrintStream(child.getOutputStream(), true)) {
                String opened = out.readLine();
                assertTrue(opened != null && opened.startsWith("OPEN "), () -> "child said " + opened);
                int idle = Integer.parseInt(opened.substring(5));
                log.info("{} idle connections open (10 000, or what the descriptor limits of both JVMs allow)", idle);
                assertTrue(idle >= Math.min(wanted, 500), "too few idle connections for the test to mean much");

                assertEquals("hello", server.get("/hello").body());
                try (RawHttpConnection fresh = RawHttpConnection.open(server.port())) {
                    fresh.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
                    assertEquals("hello", fresh.read().body());
                }
                in.println("CHECK");
                assertEquals("ALIVE " + idle, out.readLine(), "every idle connection is still open");
            } finally {
                child.getOutputStream().close();
                if (!child.waitFor(20, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }

    private static Process startIdleClients(int port, int count, int keptAlive) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classes = Path.of(IdleConnectionsClient.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        return new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", classes, IdleConnectionsClient.class.getName(),
                Integer.toString(port), Integer.toString(count), Integer.toString(keptAlive))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    // ---- slowloris -----------------------------------------------------------------------------------------------

    /** Slowloris: heads trickling in a byte at a time get 408 and are closed at the head timeout; others are served. */
    @Test
    void slowlorisHeadsAreAnswered408AndClosedByTheHeadTimeout() throws Exception {
        try (ServletTestServer server = ServletTestServer.start(oneWorker()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2).headTimeout(Duration.ofMillis(500)))
                .webapp(app -> app.servlet("/hello", new Text("hello"))))) {
            AtomicBoolean stop = new AtomicBoolean();
            List<RawHttpConnection> lorises = new ArrayList<>();
            List<Thread> tricklers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawHttpConnection loris = RawHttpConnection.open(server.port());
                    lorises.add(loris);
                    Thread trickler = new Thread(() -> trickle(loris, stop), "slowloris-" + i);
                    trickler.start();
                    tricklers.add(trickler);
                }
                assertEquals("hello", server.get("/hello").body(), "served while the heads trickle in");
                for (RawHttpConnection loris : lorises) {
                    Response r = loris.read();
                    assertEquals(408, r.status());
                    assertEquals("close", r.header("connection"));
                    assertTrue(loris.isClosedByServer());
                }
            } finally {
                stop.set(true);
                for (Thread trickler : tricklers) {
                    trickler.join(5_000);
                }
                for (RawHttpConnection loris : lorises) {
                    loris.close();
                }
            }
        }
    }

    /** Sends a head that never ends, a byte every 20 ms, until the server starts answering. */
    private static void trickle(RawHttpConnection loris, AtomicBoolean stop) {
        byte[] head = "GET /hello HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] field = "X-Slow: y\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; !stop.get() && loris.inputStream().available() == 0; i++) {
                loris.send(new byte[] {i < head.length ? head[i] : field[(i - head.length) % field.length]});
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            // the server closed the connection: the trickle is over
        }
    }

    // ---- aborted upload --------------------------------------------------------------------------------------------

    /** Reads the whole body with blocking reads; records how the read ended. */
    static final class Upload extends HttpServlet {
        final CountDownLatch reading = new CountDownLatch(1);
        final AtomicReference<Throwable> readFailure = new AtomicReference<>();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try (InputStream body = req.getInputStream()) {
                byte[] buffer = new byte[8192];
                reading.countDown();
                long total = 0;
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    total += n;
                }
                resp.getWriter().print(total);
            } catch (IOException e) {
                readFailure.set(e);
                throw e;
            } finally {
                ended.countDown();
            }
        }
    }

    /**
     * A client that goes away in the middle of an upload (closing, or resetting the connection) ends the servlet's
     * blocking read with an IOException and frees the worker: with a single worker, the next request is served.
     */
    @ParameterizedTest(name = "reset={0}")
    @ValueSource(booleans = {false, true})
    void aClientAbortingMidUploadFreesTheWorker(boolean reset) throws Exception {
        Upload upload = new Upload();
        try (ServletTestServer server = ServletTestServer.start(oneWorker()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2))
                .webapp(app -> app.servlet("/upload", upload).servlet("/hello", new Text("hello"))))) {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                OutputStream out = client.getOutputStream();
                out.write("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[256 * 1024]);
                out.flush();
                assertTrue(upload.reading.await(10, TimeUnit.SECONDS));
                if (reset) {
                    client.setSoLinger(true, 0); // close() sends RST instead of FIN
                }
            }
            assertTrue(upload.ended.await(10, TimeUnit.SECONDS), "the blocking read ended");
            assertInstanceOf(IOException.class, upload.readFailure.get());
            assertEquals("hello", server.get("/hello").body(), "the only worker is free again");
            assertEquals(0, server.server().activeRequests());
        }
    }

    // ---- graceful shutdown under load --------------------------------------------------------------------------------

    /** Counts its requests; {@code /gate} ones wait until the gate opens. */
    static final class Work extends HttpServlet {
        final AtomicInteger loadRequests = new AtomicInteger();
        final Semaphore gateEntered = new Semaphore(0);
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getRequestURI().equals("/gate")) {
                gateEntered.release();
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                resp.getWriter().print("gate");
                return;
            }
            loadRequests.incrementAndGet();
            resp.getWriter().print("load");
        }
    }

    /**
     * {@code stop(grace)} while keep-alive clients hammer the application and requests wait on workers: every
     * request that reached the servlet gets its whole response, the responses written after the shutdown began say
     * {@code Connection: close}, every connection is closed, and stop returns once they are.
     */
    @Test
    void gracefulShutdownUnderLoadFinishesEveryRequestInFlight() throws Exception {
        Work work = new Work();
        int gated = 3;
        ProntoServer server = Pronto.server().executor(RequestExecutor.Kind.PLATFORM, 16)
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2))
                .webapp(app -> app.servlet("/*", work))
                .start();
        try (RawHttpConnection idle = RawHttpConnection.open(server.port())) {
            idle.send("GET /load HTTP/1.1\r\nHost: t\r\n\r\n");
            assertEquals("load", idle.read().body());
            List<KeepAliveLoadClient> clients = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                clients.add(new KeepAliveLoadClient(server.port(), List.of("/load"), "load"));
            }
            List<RawHttpConnection> gates = new ArrayList<>();
            for (int i = 0; i < gated; i++) {
                gates.add(RawHttpConnection.open(server.port()).send("GET /gate HTTP/1.1\r\nHost: t\r\n\r\n"));
            }
            assertTrue(work.gateEntered.tryAcquire(gated, 10, TimeUnit.SECONDS));
            for (KeepAliveLoadClient client : clients) {
                assertTrue(client.awaitWarmedUp(10, TimeUnit.SECONDS));
            }

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(20)));
            assertTrue(idle.isClosedByServer(), "the shutdown has begun: idle connections close at once");
            work.gate.countDown();

            for (RawHttpConnection gate : gates) {
                Response r = gate.read();
                assertEquals("gate", r.body());
                assertEquals("close", r.header("connection"));
                assertTrue(gate.isClosedByServer());
                gate.close();
            }
            int received = 1; // the idle connection's
            int saidClose = 0;
            for (KeepAliveLoadClient client : clients) {
                assertTrue(client.await(20, TimeUnit.SECONDS));
                assertNull(client.failure());
                assertTrue(client.ended());
                received += client.responses();
                saidClose += client.saidClose() ? 1 : 0;
            }
            stopped.get(20, TimeUnit.SECONDS);
            log.info("{} load requests answered; {} of {} load connections ended with Connection: close, the "
                    + "others while idle", received, saidClose, clients.size());
            assertEquals(work.loadRequests.get(), received, "every request that reached the servlet was answered");
            assertEquals(0, server.activeRequests());
        } finally {
            server.destroy();
        }
    }
}
