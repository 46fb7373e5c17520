package dev.pronto.servlet.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Servlet 6.1 §2.3.3.5 over real sockets: 101, non-blocking WebConnection streams, destroy, pipelining, shutdown. */
class ServletUpgradeTest {

    static final CountDownLatch destroyed = new CountDownLatch(1);

    private static final String UPGRADE_REQUEST = """
            GET /echo HTTP/1.1\r
            Host: x\r
            Connection: Upgrade\r
            Upgrade: echo\r
            \r
            """;

    @Test
    void upgradedConnectionEchoesLinesAndIsDestroyedOnClose() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.servlet("/echo", new UpgradingServlet()));
             RawHttpConnection c = s.connect().timeout(5000)) {
            // The bytes right behind the upgrade request belong to the new protocol, not to HTTP.
            c.send(UPGRADE_REQUEST + "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpConnection.Response head = c.read(true);
            assertEquals(101, head.status());
            assertEquals("echo", head.header("upgrade"));
            assertEquals(null, head.header("content-length"));
            String behind = "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n";
            assertEquals(behind.toUpperCase(), readExactly(c.inputStream(), behind.length()));
            c.send("bye\n");
            assertEquals("BYE\n", readExactly(c.inputStream(), 4));
        }
        assertTrue(destroyed.await(5, TimeUnit.SECONDS), "destroy() after the client closed");
    }

    @Test
    void aDeclinedUpgradeKeepsTheConnectionOnHttp() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.servlet("/plain", new PlainServlet()));
             RawHttpConnection c = s.connect().timeout(5000)) {
            c.send(UPGRADE_REQUEST.replace("/echo", "/plain") + "GET /plain HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("plain", c.read().body());
            assertEquals("plain", c.read().body(), "the request behind a declined upgrade is served as HTTP");
        }
    }

    @Test
    void twoDeclinedUpgradesInOneReadAreBothServed() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.servlet("/plain", new PlainServlet()));
             RawHttpConnection c = s.connect().timeout(5000)) {
            String declined = UPGRADE_REQUEST.replace("/echo", "/plain");
            c.send(declined + declined + "GET /plain HTTP/1.1\r\nHost: x\r\n\r\n");
            for (int i = 0; i < 3; i++) {
                assertEquals("plain", c.read().body());
            }
        }
    }

    @Test
    void upgradeWithoutAnUpgradeHeaderIsRefused() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.servlet("/echo", new UpgradingServlet()))) {
            RawHttpConnection.Response r = s.exchange("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals(500, r.status());
        }
    }

    @Test
    void gracefulShutdownClosesTheUpgradedConnection() throws Exception {
        ServletTestServer s = ServletTestServer.start(app -> app.servlet("/echo", new UpgradingServlet()));
        try (RawHttpConnection c = s.connect().timeout(5000)) {
            c.send(UPGRADE_REQUEST);
            assertEquals(101, c.read(true).status());
            c.send("x\n");
            assertEquals("X\n", readExactly(c.inputStream(), 2));
            s.close();
            assertEquals(-1, c.inputStream().read(), "the server closed the upgraded connection");
        } finally {
            s.close();
        }
    }

    @Test
    void anIdleUpgradedConnectionIsClosedAfterTheServersIdleTimeout() throws Exception {
        try (dev.pronto.servlet.ProntoServer server = dev.pronto.servlet.Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(1).idleTimeout(java.time.Duration.ofMillis(300)))
                .webapp(app -> app.servlet("/echo", new UpgradingServlet()))
                .start();
             RawHttpConnection c = RawHttpConnection.open(server.port()).timeout(10000)) {
            c.send(UPGRADE_REQUEST);
            assertEquals(101, c.read(true).status());
            assertEquals(-1, c.inputStream().read(), "closed by the idle timeout");
        }
    }

    private static String readExactly(InputStream in, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < n) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static final class UpgradingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                req.upgrade(UpperCaseEcho.class);
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException(e);
            }
            resp.setStatus(101);
            resp.setHeader("Upgrade", "echo");
            resp.setHeader("Connection", "Upgrade");
        }
    }

    static final class PlainServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("plain");
        }
    }

    /** Echoes upper-cased bytes with a non-blocking read listener. */
    public static final class UpperCaseEcho implements HttpUpgradeHandler {
        @Override
        public void init(WebConnection connection) {
            try {
                ServletInputStream in = connection.getInputStream();
                ServletOutputStream out = connection.getOutputStream();
                in.setReadListener(new ReadListener() {
                    @Override
                    public void onDataAvailable() throws IOException {
                        byte[] buf = new byte[256];
                        while (in.isReady()) {
                            int n = in.read(buf);
                            if (n < 0) {
                                return;
                            }
                            out.write(new String(buf, 0, n, StandardCharsets.ISO_8859_1).toUpperCase()
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    }

                    @Override
                    public void onAllDataRead() {
                        try {
                            connection.close();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void destroy() {
            destroyed.countDown();
        }
    }
}
