package dev.pronto.servlet.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access-log lines for known requests over real sockets: a servlet's, a forwarded one, bad input, a 404. */
class AccessLogServletTest {

    /** Answers {@code hello} (6 bytes with the newline) and sets a response header. */
    static final class HelloServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("X-Served-By", "hello");
            resp.getWriter().print("hello\n");
        }
    }

    @TempDir
    Path dir;

    private ProntoServer start(AccessLogConfig.Builder log) throws Exception {
        return Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .accessLog(log.directory(dir).build())
                .webapp(app -> app.servlet("/hello", new HelloServlet())
                        .forwardedHeaders(ForwardedHeaders.trusting("127.0.0.1")))
                .start();
    }

    private static String send(ProntoServer server, String request) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send(request);
            return c.readUntilClose();
        }
    }

    private List<String> lines(String fileName) throws IOException {
        return Files.readAllLines(dir.resolve(fileName), StandardCharsets.UTF_8);
    }

    private static String today() {
        return LocalDate.now().format(DateTimeFormatter.ofPattern(".yyyy-MM-dd"));
    }

    @Test
    void writesAPatternLineForEachRequestIncludingBadAndForwardedOnes() throws Exception {
        ProntoServer server = start(AccessLogConfig.builder()
                .pattern("%a \"%r\" %s %b %{X-Test}i %{id}c %{X-Served-By}o %H %m %U%q %p=%{local}r"));
        int port = server.port();
        try {
            send(server, "GET /hello?x=1 HTTP/1.1\r\nHost: t\r\nX-Test: yes\r\nCookie: id=c1\r\nConnection: close\r\n\r\n");
            send(server, "GET /hello HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n");
            send(server, "GET /missing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            send(server, "GET /a/../../etc HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"); // 400 by the bridge
            send(server, "GET /hello HTTP/1.1\r\n\r\n"); // no Host: 400 by the engine
            server.stop(Duration.ofSeconds(5)); // writes what is queued
        } finally {
            server.destroy();
        }
        List<String> lines = lines("access_log" + today() + ".log");
        assertEquals(List.of(
                "127.0.0.1 \"GET /hello?x=1 HTTP/1.1\" 200 6 yes c1 hello HTTP/1.1 GET /hello?x=1 " + port + "=-",
                "203.0.113.7 \"GET /hello HTTP/1.1\" 200 6 - - hello HTTP/1.1 GET /hello " + port + "=-",
                "127.0.0.1 \"GET /missing HTTP/1.1\" 404 " + lines.get(2).split(" ")[5] + " - - - HTTP/1.1 GET /missing "
                        + port + "=-",
                "127.0.0.1 \"GET /a/../../etc HTTP/1.1\" 400 12 - - - HTTP/1.1 GET /a/../../etc " + port + "=-",
                "127.0.0.1 \"-\" 400 - - - - - - - " + port + "=-"), lines);
    }

    @Test
    void commonAndCombinedFormats() throws Exception {
        ProntoServer server = start(AccessLogConfig.builder().pattern("combined").prefix("combined").rotate(false));
        try {
            send(server, "GET /hello HTTP/1.1\r\nHost: t\r\nReferer: http://r/\r\nUser-Agent: ua/1\r\n"
                    + "Connection: close\r\n\r\n");
            server.stop(Duration.ofSeconds(5));
        } finally {
            server.destroy();
        }
        String line = lines("combined.log").get(0);
        assertTrue(line.matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}] "
                + "\"GET /hello HTTP/1\\.1\" 200 6 \"http://r/\" \"ua/1\""), line);
    }

    @Test
    void anSlf4jLoggerCanReceiveTheLinesAndTheLogIsOffByDefault() throws Exception {
        ProntoServer plain = Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app -> app.servlet("/hello", new HelloServlet())).start();
        try {
            assertEquals(null, plain.accessLog());
        } finally {
            plain.destroy();
        }
        ProntoServer server = start(AccessLogConfig.builder().loggerName("test.access"));
        try {
            send(server, "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            AccessLog log = server.accessLog();
            for (int i = 0; i < 500 && log.written() == 0; i++) {
                Thread.sleep(10);
            }
            assertEquals(1, log.written());
            assertEquals(0, log.dropped());
            try (var files = Files.list(dir)) {
                assertEquals(0, files.count(), "nothing is written to files");
            }
        } finally {
            server.destroy();
        }
    }
}
