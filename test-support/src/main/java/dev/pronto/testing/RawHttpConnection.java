package dev.pronto.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over one socket for protocol edge cases: sends exact bytes and parses responses
 * (Content-Length, chunked or close-delimited). One thread at a time; every read has a timeout.
 */
public final class RawHttpConnection implements AutoCloseable {

    /** A parsed response; header names are lower-cased, repeated fields joined with ", ". */
    public record Response(int status, String statusLine, Map<String, String> headers, String body,
                           Map<String, String> trailers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawHttpConnection open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new RawHttpConnection(socket);
    }

    /** Speaks over {@code socket}, already connected (e.g. an {@code SSLSocket} after its handshake). */
    public static RawHttpConnection over(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new RawHttpConnection(socket);
    }

    public RawHttpConnection timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    /** Sends {@code text} as ISO-8859-1 bytes, converting bare {@code \n} to CRLF only if {@code crlf}. */
    public RawHttpConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttpConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response to a non-HEAD request. */
    public Response read() throws IOException {
        return read(false);
    }

    public Response read(boolean headRequest) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("Connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = fields();
        if (headRequest || status == 204 || status == 304 || status / 100 == 1) {
            return new Response(status, statusLine, headers, "", Map.of());
        }
        String te = headers.get("transfer-encoding");
        String cl = headers.get("content-length");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(in.readNBytes(size));
                line();
            }
            Map<String, String> trailers = fields();
            return new Response(status, statusLine, headers, body.toString(StandardCharsets.UTF_8), trailers);
        }
        if (cl != null) {
            byte[] body = in.readNBytes(Integer.parseInt(cl.trim()));
            return new Response(status, statusLine, headers, new String(body, StandardCharsets.UTF_8), Map.of());
        }
        return new Response(status, statusLine, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                Map.of());
    }

    /** Reads {@code n} responses in order. */
    public List<Response> read(int n) throws IOException {
        List<Response> responses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            responses.add(read());
        }
        return responses;
    }

    /** True if the server closed the connection (EOF or reset) within the read timeout. */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    /** Everything the server sends until it closes the connection. */
    public String readUntilClose() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private Map<String, String> fields() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = line()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    public OutputStream outputStream() {
        return out;
    }

    /** The buffered input behind {@link #read()}, for reading binary bodies exactly. */
    public InputStream inputStream() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
