package dev.pronto.servlet.response;

import dev.pronto.container.HttpExchange;
import io.netty.handler.codec.http.HttpHeaderNames;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code HttpServletResponse} as a thin view over the exchange: the body through {@link ServletOutputStreamImpl},
 * errors (§10.9) and redirects here; status and headers, and the commit, in {@link ResponseHead}. Used by the thread
 * running the request.
 */
public final class HttpServletResponseImpl extends ResponseHead {

    private enum Output { NONE, STREAM, WRITER }

    private final HttpServletRequest request;
    private final ServletOutputStreamImpl out;
    private final boolean relativeRedirects;
    private Output output = Output.NONE;
    private PrintWriter writer;
    private String errorMessage;

    /**
     * @param localeCharsets    the context's locale-to-charset mapping for {@link #setLocale} (may return null)
     * @param relativeRedirects whether {@link #sendRedirect} leaves out scheme and authority
     */
    public HttpServletResponseImpl(HttpExchange exchange, HttpServletRequest request, String defaultEncoding,
                                   int bufferSize, long blockingTimeoutMillis,
                                   Function<String, String> localeCharsets, boolean relativeRedirects) {
        super(exchange, defaultEncoding, localeCharsets);
        this.request = request;
        this.out = new ServletOutputStreamImpl(this, exchange, bufferSize, blockingTimeoutMillis);
        this.relativeRedirects = relativeRedirects;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    /** Where the output stream's WriteListener callbacks run (Servlet 6.1 §5.7); yields null unless in async mode. */
    public void listenerExecutor(Supplier<Executor> executor) {
        out.listenerExecutor(executor);
    }

    // ---- body ---------------------------------------------------------------------------------------------------

    /** True once the body has bytes (buffered or sent) or the writer was taken: a resource's length is then not the body's. */
    public boolean hasBodyOutput() {
        return output == Output.WRITER || out.buffered() > 0 || out.written() > 0;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (output == Output.WRITER) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        output = Output.STREAM;
        return out;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (output == Output.STREAM) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            contentType().onWriterObtained();
            ServletWriter encoder = new ServletWriter(out, contentType().charset());
            output = Output.WRITER;
            writer = new PrintWriter(encoder, false);
        }
        return writer;
    }

    /**
     * Completes the response when the request is done: sends the buffer (whole, if it never overflowed) and ends the
     * exchange; releases it if the exchange was already ended. Idempotent.
     */
    public void finish() throws IOException {
        // The PrintWriter holds no characters of its own (ServletWriter encodes straight into the buffer), so
        // there is nothing to flush: flushing would commit and force a chunked body.
        out.finish();
    }

    @Override
    public void setBufferSize(int size) {
        if (exchange.isCommitted() || out.written() > 0) {
            throw new IllegalStateException("setBufferSize after content was written");
        }
        out.bufferSize(size);
    }

    @Override
    public int getBufferSize() {
        return out.bufferSize();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        out.flushBuffer(true);
    }

    @Override
    public void resetBuffer() {
        if (exchange.isCommitted()) {
            throw new IllegalStateException("resetBuffer after the response was committed");
        }
        out.clearBuffer();
    }

    /** Committed once the head is sent, and also after {@code sendError} until the error page renders (§10.9). */
    @Override
    public boolean isCommitted() {
        return errorStatus != 0 || exchange.isCommitted();
    }

    @Override
    public void reset() {
        if (exchange.isCommitted()) {
            throw new IllegalStateException("reset after the response was committed");
        }
        out.clearBuffer();
        resetHead(true);
        writer = null;
        output = Output.NONE;
    }

    // ---- errors and redirects -----------------------------------------------------------------------------------

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (exchange.isCommitted()) {
            throw new IllegalStateException("sendError after the response was committed");
        }
        if (inInclude()) {
            return;
        }
        out.clearBuffer();
        forceStatus(sc);
        errorStatus = sc;
        errorMessage = msg;
        // Servlet 6.1 §10.9: the error page (or the default one) writes the body; the servlet's later output is lost.
        out.suspend(true);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    /** True once {@code sendError} was called and the error page has not been rendered yet. */
    public boolean isErrorPending() {
        return errorStatus != 0;
    }

    public int errorStatus() {
        return errorStatus;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The error page takes over the body: output works again, status stays. */
    public void beginErrorPage() {
        errorStatus = 0;
        if (exchange.isCommitted()) {
            return; // the head is on its way: nothing about it may change now
        }
        out.clearBuffer(); // output written before an exception is not part of the error page
        out.suspend(false);
        writer = null;
        output = Output.NONE;
        resetHead(false);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        if (exchange.isCommitted()) {
            throw new IllegalStateException("sendRedirect after the response was committed");
        }
        if (inInclude()) {
            return;
        }
        if (clearBuffer) {
            out.clearBuffer();
        }
        forceStatus(sc);
        forceHeader(HttpHeaderNames.LOCATION,
                RedirectLocation.of(request, location, relativeRedirects));
        if (clearBuffer) {
            out.suspend(true);
        }
        finish();
    }

    @Override
    public String encodeURL(String url) {
        return SessionUrlRewriter.encode(request, url);
    }

    @Override
    public String encodeRedirectURL(String url) {
        return SessionUrlRewriter.encode(request, url);
    }
}
