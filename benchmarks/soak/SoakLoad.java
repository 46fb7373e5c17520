import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The soak's load generator: mixed traffic against the hello-servlet sample from a few threads for a given time —
 * pipelined GETs, form bodies (sized and chunked) on one session, uploads aborted half-way (FIN or RST), clients
 * that vanish before reading, and malformed requests that must get a 4xx/5xx and a close. Plain JDK, run as a
 * source file: {@code java SoakLoad.java host port seconds threads}. Prints a progress line every 30 s and a
 * summary; exits 1 if any response was unexpected.
 */
public final class SoakLoad {

    enum Scenario { PIPELINED_GETS, JSON, FORM_POST, CHUNKED_POST, ABORTED_UPLOAD, VANISHING_CLIENT, BAD_REQUEST }

    /** Malformed requests (each sent on a fresh connection) and the statuses that are right for them. */
    private static final String[][] BAD_REQUESTS = {
            {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400"},
            {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "400"},
            {"GET / HTTP/1.1\r\nHost: a\r\nX-Fold: a\r\n b\r\n\r\n", "400"},
            {"GET / HTTP/1.1\r\nHost : a\r\n\r\n", "400"},
            {"GET / HTTP/1.1\r\n\r\n", "400"},
            {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400"},
            {"GET /\u0001 HTTP/1.1\r\nHost: a\r\n\r\n", "400"},
            {"GET / HTTP/1.1\nHost: a\r\n\r\n", "400"},
            {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "501 400"},
            {"POST /plaintext HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "400"},
            {"GET / HTTP/2.5\r\nHost: a\r\n\r\n", "505 400"},
            {"GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: a\r\n\r\n", "414"},
            {"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n", "431"},
    };

    private static final String PLAINTEXT = "Hello, World!";

    private final String host;
    private final int port;
    private final long deadline;
    private final AtomicLongArray ok = new AtomicLongArray(Scenario.values().length);
    private final AtomicLongArray bad = new AtomicLongArray(Scenario.values().length);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private volatile String sessionCookie;

    private SoakLoad(String host, int port, long seconds) {
        this.host = host;
        this.port = port;
        this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 600;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        SoakLoad load = new SoakLoad(host, port, seconds);
        load.openSession();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(load::work, "soak-" + i);
            t.start();
            workers.add(t);
        }
        long start = System.nanoTime();
        while (workers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(Math.max(500, Math.min(30_000, (load.deadline - System.nanoTime()) / 1_000_000)));
            System.out.printf("[soak] %4d s: %s%n", (System.nanoTime() - start) / 1_000_000_000L, load.totals());
        }
        System.out.println("[soak] done: " + load.summary());
        System.exit(load.failures() == 0 ? 0 : 1);
    }

    private void openSession() throws IOException {
        try (Conn c = connect()) {
            c.send("GET / HTTP/1.1\r\nHost: soak\r\n\r\n");
            Resp r = c.read();
            String setCookie = r.header("set-cookie");
            if (r.status != 200 || setCookie == null) {
                throw new IOException("no session from GET /: " + r.status);
            }
            sessionCookie = setCookie.substring(0, setCookie.indexOf(';'));
        }
    }

    private void work() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Conn keepAlive = null;
        while (System.nanoTime() < deadline) {
            Scenario s = pick(random.nextInt(100));
            try {
                if (s.ordinal() <= Scenario.CHUNKED_POST.ordinal()) {
                    if (keepAlive == null) {
                        keepAlive = connect();
                    }
                    runKeptAlive(s, keepAlive);
                } else {
                    runAlone(s);
                }
                ok.incrementAndGet(s.ordinal());
            } catch (IOException | RuntimeException e) {
                failed(s, e.toString());
                if (keepAlive != null) {
                    keepAlive.close();
                    keepAlive = null;
                }
            }
        }
        if (keepAlive != null) {
            keepAlive.close();
        }
    }

    /** Weights out of 100: mostly well-formed keep-alive traffic, a steady share of abuse. */
    private static Scenario pick(int n) {
        if (n < 35) {
            return Scenario.PIPELINED_GETS;
        } else if (n < 50) {
            return Scenario.JSON;
        } else if (n < 62) {
            return Scenario.FORM_POST;
        } else if (n < 72) {
            return Scenario.CHUNKED_POST;
        } else if (n < 80) {
            return Scenario.ABORTED_UPLOAD;
        } else if (n < 87) {
            return Scenario.VANISHING_CLIENT;
        }
        return Scenario.BAD_REQUEST;
    }

    private void runKeptAlive(Scenario s, Conn c) throws IOException {
        switch (s) {
            case PIPELINED_GETS -> {
                c.send("GET /plaintext HTTP/1.1\r\nHost: soak\r\n\r\n".repeat(16));
                for (int i = 0; i < 16; i++) {
                    expect(c.read(), 200, PLAINTEXT);
                }
                requests.addAndGet(16);
            }
            case JSON -> {
                c.send("GET /json HTTP/1.1\r\nHost: soak\r\n\r\n");
                expect(c.read(), 200, "Hello, World!");
                requests.incrementAndGet();
            }
            case FORM_POST -> {
                String body = "name=soak&pad=" + "x".repeat(ThreadLocalRandom.current().nextInt(20_000));
                c.send("POST / HTTP/1.1\r\nHost: soak\r\nCookie: " + sessionCookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body);
                expect(c.read(), 200, "Welcome, soak!");
                requests.incrementAndGet();
            }
            case CHUNKED_POST -> {
                StringBuilder req = new StringBuilder("POST / HTTP/1.1\r\nHost: soak\r\nCookie: " + sessionCookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
                String body = "name=soak&pad=" + "y".repeat(ThreadLocalRandom.current().nextInt(30_000));
                for (int i = 0; i < body.length(); i += 4096) {
                    String chunk = body.substring(i, Math.min(body.length(), i + 4096));
                    req.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
                }
                c.send(req.append("0\r\n\r\n").toString());
                expect(c.read(), 200, "Welcome, soak!");
                requests.incrementAndGet();
            }
            default -> throw new IllegalStateException(s.name());
        }
    }

    private void runAlone(Scenario s) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Conn c = connect()) {
            switch (s) {
                case ABORTED_UPLOAD -> {
                    // Declares 1 MiB, sends part of it, then goes away: the servlet's read must fail and free.
                    c.send("POST / HTTP/1.1\r\nHost: soak\r\nCookie: " + sessionCookie
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1048576\r\n\r\n"
                            + "name=" + "z".repeat(random.nextInt(1, 200_000)));
                    c.abort(random.nextBoolean());
                }
                case VANISHING_CLIENT -> {
                    // Pipelines requests and leaves without reading the responses.
                    c.send("GET /json HTTP/1.1\r\nHost: soak\r\n\r\n".repeat(random.nextInt(1, 17)));
                    c.abort(random.nextBoolean());
                }
                case BAD_REQUEST -> {
                    String[] bad = BAD_REQUESTS[random.nextInt(BAD_REQUESTS.length)];
                    c.send(bad[0]);
                    Resp r = c.read();
                    if (!List.of(bad[1].split(" ")).contains(Integer.toString(r.status))) {
                        throw new IOException("status " + r.status + " (want " + bad[1] + ") for "
                                + printable(bad[0]));
                    }
                    if (!c.closedByServer()) {
                        throw new IOException("still open after " + r.status + " for " + printable(bad[0]));
                    }
                }
                default -> throw new IllegalStateException(s.name());
            }
            requests.incrementAndGet();
        }
    }

    private static void expect(Resp r, int status, String bodyPart) throws IOException {
        if (r.status != status || !r.body.contains(bodyPart)) {
            throw new IOException("got " + r.status + " " + r.body.substring(0, Math.min(80, r.body.length())));
        }
    }

    private void failed(Scenario s, String what) {
        bad.incrementAndGet(s.ordinal());
        if (reported.incrementAndGet() <= 20) {
            System.out.println("[soak] UNEXPECTED in " + s + ": " + what);
        }
    }

    private long failures() {
        long n = 0;
        for (int i = 0; i < bad.length(); i++) {
            n += bad.get(i);
        }
        return n;
    }

    private String totals() {
        long done = 0;
        for (int i = 0; i < ok.length(); i++) {
            done += ok.get(i);
        }
        return String.format(Locale.ROOT, "%d scenarios, %d requests, %d unexpected", done, requests.get(),
                failures());
    }

    private String summary() {
        StringBuilder sb = new StringBuilder(totals());
        for (Scenario s : Scenario.values()) {
            sb.append(String.format(Locale.ROOT, "%n  %-17s ok %8d  unexpected %d", s, ok.get(s.ordinal()),
                    bad.get(s.ordinal())));
        }
        return sb.toString();
    }

    private static String printable(String request) {
        String head = request.length() > 60 ? request.substring(0, 60) + "..." : request;
        return head.replace("\r", "\\r").replace("\n", "\\n");
    }

    private Conn connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        return new Conn(socket);
    }

    /** A parsed response; header names lower-cased. */
    record Resp(int status, List<String[]> headers, String body) {
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equals(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    /** One client connection: exact bytes out, responses (Content-Length or chunked) in. */
    static final class Conn implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        Resp read() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("closed before a response");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            List<String[]> headers = new ArrayList<>();
            long length = -1;
            boolean chunked = false;
            String line;
            while ((line = line()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.add(new String[] {name, value});
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                int size;
                while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                byte[] bytes = in.readNBytes((int) length);
                if (bytes.length < length) {
                    throw new IOException("body cut at " + bytes.length + " of " + length);
                }
                body.write(bytes);
            }
            return new Resp(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        boolean closedByServer() throws IOException {
            try {
                return in.read() == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        /** Leaves: a reset when {@code reset}, else an orderly close. */
        void abort(boolean reset) throws IOException {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
