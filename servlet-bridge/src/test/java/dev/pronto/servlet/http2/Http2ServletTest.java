package dev.pronto.servlet.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.container.Transport;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.testing.OnEachTransport;
import dev.pronto.testing.RawHttp2Connection;
import dev.pronto.testing.RawHttp2Connection.Response;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** Servlets, filters, async and non-blocking I/O over HTTP/2 streams (h2c, prior knowledge), on each transport. */
class Http2ServletTest {

    private ProntoServer server;

    private int start(Transport transport) throws Exception {
        server = Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(2).transport(transport).http2(true))
                .webapp(app -> app
                        .filter("marker", (Filter) (req, res, chain) -> {
                            ((HttpServletResponse) res).setHeader("X-Filtered", "yes");
                            chain.doFilter(req, res);
                        }, f -> {
                            f.setAsyncSupported(true);
                            f.addMappingForUrlPatterns(null, false, "/*");
                        })
                        .servlet("/info", new InfoServlet())
                        .servlet("async", new AsyncServlet(), r -> {
                            r.setAsyncSupported(true);
                            r.addMapping("/async");
                        })
                        .servlet("/trailers", new TrailerServlet())
                        .servlet("nio", new NonBlockingEchoServlet(), r -> {
                            r.setAsyncSupported(true);
                            r.addMapping("/nio-echo");
                        }))
                .start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @OnEachTransport
    void aServletAndItsFilterSeeAnHttp2Request(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.nextStreamId();
            c.headers(id, new DefaultHttp2Headers().method("GET").path("/info?q=1").scheme("http")
                    .authority("example.test:8080").add("cookie", "a=1").add("cookie", "b=2"), true);
            Response r = c.response(id);
            assertEquals(200, r.status());
            assertEquals("yes", r.header("x-filtered"));
            assertEquals("HTTP/2.0 GET /info q=1 example.test 8080 a=1,b=2", r.text());
        }
    }

    @OnEachTransport
    void anAsyncServletCompletesFromAnotherThread(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int first = c.get("/async");
            int second = c.get("/async");
            assertEquals("async done", c.response(second).text());
            assertEquals("async done", c.response(first).text());
        }
    }

    @OnEachTransport
    void trailerFieldsTravelBothWays(Transport transport) throws Exception {
        int port = start(transport);
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.nextStreamId();
            c.headers(id, RawHttp2Connection.request("POST", "/trailers"), false);
            c.data(id, "body".getBytes(StandardCharsets.UTF_8), false);
            c.headers(id, new DefaultHttp2Headers().add("checksum", "abc"), true);
            Response r = c.response(id);
            assertEquals("read 4 abc", r.text());
            assertEquals("abc-ok", r.trailers().get("x-checked").toString());
        }
    }

    @OnEachTransport
    void nonBlockingReadsWorkOnAStream(Transport transport) throws Exception {
        int port = start(transport);
        byte[] body = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8); // beyond the stream's 64 KiB window
        try (RawHttp2Connection c = RawHttp2Connection.open(port)) {
            int id = c.nextStreamId();
            c.headers(id, RawHttp2Connection.request("POST", "/nio-echo"), false);
            int sent = 0;
            long window = 65_535; // the stream's send window: the client must respect it (RFC 9113 §6.9)
            while (sent < body.length) {
                while (window < 16_384 && window < body.length - sent) {
                    window += awaitStreamWindowUpdate(c, id); // opens only as the servlet reads
                }
                int n = (int) Math.min(Math.min(16_384, window), body.length - sent);
                c.data(id, java.util.Arrays.copyOfRange(body, sent, sent + n), sent + n == body.length);
                sent += n;
                window -= n;
            }
            assertEquals("200000", c.response(id).text());
        }
    }

    /** The increment of the next WINDOW_UPDATE of stream {@code id}. */
    private static long awaitStreamWindowUpdate(RawHttp2Connection c, int id) throws IOException {
        RawHttp2Connection.Frame f;
        do {
            f = c.readFrame(id);
        } while (f.type() != RawHttp2Connection.WINDOW_UPDATE);
        return f.errorCode(); // the same 32-bit field position as a RST_STREAM's code
    }

    static final class InfoServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            StringBuilder cookies = new StringBuilder();
            for (jakarta.servlet.http.Cookie cookie : req.getCookies()) {
                cookies.append(cookies.isEmpty() ? "" : ",").append(cookie.getName()).append('=')
                        .append(cookie.getValue());
            }
            resp.getWriter().print(req.getProtocol() + " " + req.getMethod() + " " + req.getRequestURI() + " "
                    + req.getQueryString() + " " + req.getServerName() + " " + req.getServerPort() + " " + cookies);
        }
    }

    static final class AsyncServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                try {
                    Thread.sleep(50);
                    async.getResponse().getWriter().print("async done");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                async.complete();
            });
        }
    }

    static final class TrailerServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int n = req.getInputStream().readAllBytes().length;
            String checksum = req.getTrailerFields().get("checksum");
            resp.setTrailerFields(() -> Map.of("x-checked", checksum + "-ok"));
            resp.getWriter().print("read " + n + " " + checksum);
        }
    }

    /** Counts the body with a {@code ReadListener}: each read takes only what is ready. */
    static final class NonBlockingEchoServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            AsyncContext async = req.startAsync();
            ServletInputStream in = req.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            in.setReadListener(new ReadListener() {
                @Override
                public void onDataAvailable() throws IOException {
                    byte[] buf = new byte[8192];
                    while (in.isReady()) {
                        int n = in.read(buf);
                        if (n < 0) {
                            return;
                        }
                        seen.write(buf, 0, n);
                    }
                }

                @Override
                public void onAllDataRead() throws IOException {
                    async.getResponse().getWriter().print(seen.size());
                    async.complete();
                }

                @Override
                public void onError(Throwable t) {
                    async.complete();
                }
            });
        }
    }
}
