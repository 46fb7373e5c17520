package dev.pronto.servlet.response.compression;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * A response whose body goes through {@link GzipOutputStream}. It holds back the application's
 * {@code Content-Length} until the coding is chosen (a gzip body has another length) and applies the
 * eligibility rules of Tomcat's compression, which Spring Boot documents for {@code server.compression}.
 * Used by the thread running the request.
 */
final class GzipResponseWrapper extends HttpServletResponseWrapper {

    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String CONTENT_ENCODING = "Content-Encoding";

    private final HttpServletRequest request;
    private final Compression compression;
    private final GzipOutputStream body;
    private ServletOutputStream target;
    private PrintWriter writer;
    private boolean streamInUse;
    private long declaredLength = -1;

    GzipResponseWrapper(HttpServletRequest request, HttpServletResponse response, Compression compression) {
        super(response);
        this.request = request;
        this.compression = compression;
        this.body = new GzipOutputStream(this, compression.minResponseSize());
    }

    private HttpServletResponse raw() {
        return (HttpServletResponse) getResponse();
    }

    ServletOutputStream target() throws IOException {
        if (target == null) {
            target = raw().getOutputStream();
        }
        return target;
    }

    long declaredLength() {
        return declaredLength;
    }

    boolean writerInUse() {
        return writer != null;
    }

    /**
     * True while this response could still be compressed as far as the response goes: a body is allowed (not HEAD,
     * 1xx, 204 or 304), not already content-coded, and of a compressible type. The client is asked later.
     */
    boolean mayCompress() {
        int status = getStatus();
        if (status < 200 || status == SC_NO_CONTENT || status == SC_NOT_MODIFIED
                || "HEAD".equals(request.getMethod())) {
            return false;
        }
        String encoding = raw().getHeader(CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        return compression.isCompressible(getContentType());
    }

    /**
     * Switches to gzip if the client takes it: {@code Vary: Accept-Encoding} first (the response now depends on
     * that field, RFC 9110 §12.5.5), then {@code Content-Encoding: gzip} and no {@code Content-Length}.
     */
    boolean startGzip() {
        if (!mayCompress()) {
            return false;
        }
        addVary();
        if (!AcceptEncoding.acceptsGzip(request.getHeader("Accept-Encoding"))
                || compression.isExcluded(request.getHeader("User-Agent"))) {
            startIdentity();
            return false;
        }
        raw().setContentLengthLong(-1);
        raw().setHeader(CONTENT_ENCODING, "gzip");
        return true;
    }

    /** The body goes as the application wrote it, with the length it declared. */
    void startIdentity() {
        if (declaredLength >= 0) {
            raw().setContentLengthLong(declaredLength);
        }
    }

    private void addVary() {
        for (String vary : raw().getHeaders("Vary")) {
            for (String name : vary.split(",")) {
                String n = name.trim();
                if (n.equals("*") || n.equalsIgnoreCase("Accept-Encoding")) {
                    return;
                }
            }
        }
        raw().addHeader("Vary", "Accept-Encoding");
    }

    /** Ends the body (idempotent): flushes the writer's characters, settles the coding, writes the gzip trailer. */
    void finish() throws IOException {
        flushWriter();
        body.finish();
    }

    void flushWriter() {
        if (writer != null) {
            body.finishing(true);
            try {
                writer.flush();
            } finally {
                body.finishing(false);
            }
        }
    }

    /** The request failed: drop what this wrapper holds; an uncommitted compressed prefix goes too. */
    void abandon() {
        boolean coded = body.isCompressing();
        body.discard();
        if (coded && !raw().isCommitted()) {
            raw().resetBuffer();
            raw().setHeader(CONTENT_ENCODING, null);
        }
    }

    // ---- body ---------------------------------------------------------------------------------------------------

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        streamInUse = true;
        return body;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (streamInUse) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            String charset = getCharacterEncoding();
            // Servlet 6.1 §5.6: obtaining the writer fixes the charset, so it is written into the Content-Type
            setCharacterEncoding(charset);
            writer = new PrintWriter(new OutputStreamWriter(body, charset), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        body.flush();
        raw().flushBuffer();
    }

    @Override
    public void resetBuffer() {
        raw().resetBuffer(); // throws once committed, before anything here changes
        boolean coded = body.isCompressing();
        body.reset();
        if (coded) {
            raw().setHeader(CONTENT_ENCODING, null);
        }
    }

    @Override
    public void reset() {
        raw().reset();
        body.reset();
        writer = null;
        streamInUse = false;
        declaredLength = -1;
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        abandon();
        raw().sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        abandon();
        raw().sendError(sc);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        if (clearBuffer) {
            abandon();
        }
        raw().sendRedirect(location, sc, clearBuffer);
    }

    // ---- Content-Length is held back until the coding is known -------------------------------------------------

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (raw().isCommitted()) {
            return;
        }
        declaredLength = len;
        if (body.isIdentity()) {
            raw().setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(value == null ? -1 : Long.parseLong(value.trim()));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(value == null ? -1 : Long.parseLong(value.trim()));
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }
}
