package dev.pronto.servlet.response;

import dev.pronto.container.HttpExchange;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code HttpServletResponse} as a thin view over the exchange: headers are written straight into the exchange's
 * header object, the body through {@link ServletOutputStreamImpl}. Used by the thread running the request.
 */
public final class HttpServletResponseImpl implements HttpServletResponse {

    private enum Output { NONE, STREAM, WRITER }

    private final HttpExchange exchange;
    private final HttpServletRequest request;
    private final ResponseContentType contentType;
    private final ServletOutputStreamImpl out;
    private final Function<String, String> localeCharsets;
    private final boolean relativeRedirects;
    private Output output = Output.NONE;
    private PrintWriter writer;
    private int status = SC_OK;
    private long contentLength = -1;
    private Locale locale;
    private Supplier<Map<String, String>> trailerSupplier;
    private boolean chunkedRequested;
    private int includeDepth;
    private int errorStatus;
    private String errorMessage;
    private boolean headPrepared;

    /**
     * @param localeCharsets    the context's locale-to-charset mapping for {@link #setLocale} (may return null)
     * @param relativeRedirects whether {@link #sendRedirect} leaves out scheme and authority
     */
    public HttpServletResponseImpl(HttpExchange exchange, HttpServletRequest request, String defaultEncoding,
                                   int bufferSize, long blockingTimeoutMillis,
                                   Function<String, String> localeCharsets, boolean relativeRedirects) {
        this.exchange = exchange;
        this.request = request;
        this.contentType = new ResponseContentType(defaultEncoding);
        this.out = new ServletOutputStreamImpl(this, exchange, bufferSize, blockingTimeoutMillis);
        this.localeCharsets = localeCharsets;
        this.relativeRedirects = relativeRedirects;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    /** Where the output stream's WriteListener callbacks run (Servlet 6.1 §5.7); yields null unless in async mode. */
    public void listenerExecutor(Supplier<Executor> executor) {
        out.listenerExecutor(executor);
    }

    private HttpHeaders headers() {
        return exchange.responseHeaders();
    }

    boolean isHead() {
        return HttpMethod.HEAD.equals(exchange.method());
    }

    long declaredContentLength() {
        return contentLength;
    }

    /**
     * True when the body must go out chunked even if it fits the buffer: trailer fields need chunked framing
     * (RFC 9112 §7.1.2), and an application that asked for {@code Transfer-Encoding: chunked} gets it.
     */
    boolean needsChunked() {
        return trailerSupplier != null || chunkedRequested;
    }

    HttpHeaders trailers() {
        if (trailerSupplier == null) {
            return null;
        }
        Map<String, String> fields = trailerSupplier.get();
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        HttpHeaders trailers = new DefaultHttpHeaders();
        fields.forEach(trailers::set);
        return trailers;
    }

    /**
     * Writes status, content type and a declared length into the head just before it is committed. When the whole
     * body goes in one message ({@code wholeBody}) the engine frames it with its own length, so the declared one is
     * only written for a {@code HEAD} answer (which has no body to measure).
     */
    void prepareCommit(boolean wholeBody) {
        if (headPrepared || exchange.isCommitted()) {
            return;
        }
        headPrepared = true;
        exchange.status(status);
        String type = contentType.contentTypeHeader();
        if (type != null) {
            headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        if (contentLength >= 0 && (!wholeBody || isHead()) && !needsChunked()) {
            headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        }
        contentType.onCommitted();
    }

    // ---- included responses (Servlet 6.1 §9.3) ---------------------------------------------------------------

    /** While an include runs, status and header changes are ignored. */
    public void enterInclude() {
        includeDepth++;
    }

    public void exitInclude() {
        includeDepth--;
    }

    /** Includes may not change the head (§9.3), nor may anyone once it is sent or an error is pending (§10.9). */
    private boolean headersLocked() {
        return includeDepth > 0 || errorStatus != 0 || exchange.isCommitted();
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
            contentType.onWriterObtained();
            Charset charset;
            try {
                charset = contentType.charset();
            } catch (UnsupportedEncodingException e) {
                throw e;
            }
            output = Output.WRITER;
            writer = new PrintWriter(new ServletWriter(out, charset), false);
        }
        return writer;
    }

    /**
     * Completes the response when the request is done: flushes the writer, sends the buffer (with a
     * {@code Content-Length} if it never overflowed) and ends the exchange. Idempotent.
     */
    public void finish() throws IOException {
        if (exchange.isEnded()) {
            out.discard();
            return;
        }
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
        headers().clear();
        status = SC_OK;
        contentLength = -1;
        locale = null;
        contentType.reset();
        writer = null;
        output = Output.NONE;
        chunkedRequested = false;
    }

    // ---- status, errors and redirects -------------------------------------------------------------------------------

    @Override
    public void setStatus(int sc) {
        if (!headersLocked()) {
            status = sc;
        }
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (exchange.isCommitted()) {
            throw new IllegalStateException("sendError after the response was committed");
        }
        if (includeDepth > 0) {
            return;
        }
        out.clearBuffer();
        status = sc;
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
        contentType.reset();
        contentLength = -1;
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        if (exchange.isCommitted()) {
            throw new IllegalStateException("sendRedirect after the response was committed");
        }
        if (includeDepth > 0) {
            return;
        }
        if (clearBuffer) {
            out.clearBuffer();
        }
        status = sc;
        headers().set(HttpHeaderNames.LOCATION, RedirectLocation.of(request, location, relativeRedirects));
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

    // ---- headers -------------------------------------------------------------------------------------------------------

    @Override
    public void addCookie(Cookie cookie) {
        if (!headersLocked()) {
            headers().add(HttpHeaderNames.SET_COOKIE, SetCookieFormatter.format(cookie));
        }
    }

    @Override
    public boolean containsHeader(String name) {
        if (HttpHeaderNames.CONTENT_TYPE.contentEqualsIgnoreCase(name)) {
            return contentType.contentTypeHeader() != null;
        }
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
            return contentLength >= 0;
        }
        return headers().contains(name);
    }

    @Override
    public void setHeader(String name, String value) {
        if (name == null || headersLocked()) {
            return;
        }
        if (special(name, value)) {
            return;
        }
        if (value == null) {
            headers().remove(name);
        } else {
            headers().set(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (name == null || value == null || headersLocked()) {
            return;
        }
        if (!special(name, value)) {
            headers().add(name, value);
        }
    }

    /**
     * Content-Type and Content-Length go through their own setters so the charset rules apply; Transfer-Encoding is
     * the container's framing (never sent next to a Content-Length), so the application can only ask for chunked.
     */
    private boolean special(String name, String value) {
        if (HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
            chunkedRequested = value != null && value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            return true;
        }
        if (HttpHeaderNames.CONTENT_TYPE.contentEqualsIgnoreCase(name)) {
            setContentType(value);
            return true;
        }
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
            if (value == null) {
                contentLength = -1;
            } else {
                setContentLengthLong(Long.parseLong(value.trim()));
            }
            return true;
        }
        return false;
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, HttpDates.format(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, HttpDates.format(date));
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public String getHeader(String name) {
        if (HttpHeaderNames.CONTENT_TYPE.contentEqualsIgnoreCase(name)) {
            return contentType.contentTypeHeader();
        }
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
            return contentLength < 0 ? null : Long.toString(contentLength);
        }
        return headers().get(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        if (HttpHeaderNames.CONTENT_TYPE.contentEqualsIgnoreCase(name)) {
            String type = contentType.contentTypeHeader();
            return type == null ? List.of() : List.of(type);
        }
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
            return contentLength < 0 ? List.of() : List.of(Long.toString(contentLength));
        }
        return new ArrayList<>(headers().getAll(name));
    }

    @Override
    public Collection<String> getHeaderNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>(headers().names());
        if (contentType.contentTypeHeader() != null) {
            names.add("Content-Type");
        }
        if (contentLength >= 0) {
            names.add("Content-Length");
        }
        return names;
    }

    @Override
    public void setTrailerFields(Supplier<Map<String, String>> supplier) {
        if (exchange.isCommitted()) {
            throw new IllegalStateException("setTrailerFields after the response was committed");
        }
        if (!io.netty.handler.codec.http.HttpVersion.HTTP_1_1.equals(exchange.version())
                && exchange.version().majorVersion() < 2) {
            // RFC 9112 §7.1.2: only a chunked HTTP/1.1 body carries trailers (HTTP/2: a final HEADERS frame)
            throw new IllegalStateException("setTrailerFields: trailers need HTTP/1.1, the request is "
                    + exchange.version());
        }
        this.trailerSupplier = supplier;
    }

    @Override
    public Supplier<Map<String, String>> getTrailerFields() {
        return trailerSupplier;
    }

    // ---- content type, length, locale ---------------------------------------------------------------------------------

    @Override
    public String getCharacterEncoding() {
        return contentType.characterEncoding();
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!headersLocked()) {
            contentType.setCharacterEncoding(charset);
        }
    }

    @Override
    public String getContentType() {
        return contentType.contentTypeHeader();
    }

    @Override
    public void setContentType(String type) {
        if (!headersLocked()) {
            contentType.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!headersLocked()) {
            // Kept as a number until commit: a body sent whole is framed by the engine with its real length.
            contentLength = len;
        }
    }

    @Override
    public void setLocale(Locale loc) {
        if (loc == null || headersLocked()) {
            return;
        }
        locale = loc;
        headers().set(HttpHeaderNames.CONTENT_LANGUAGE, loc.toLanguageTag());
        String charset = localeCharsets == null ? null : localeCharsets.apply(loc.toString());
        if (charset == null && localeCharsets != null) {
            charset = localeCharsets.apply(loc.getLanguage());
        }
        if (charset != null) {
            contentType.setLocaleCharset(charset);
        }
    }

    @Override
    public Locale getLocale() {
        return locale != null ? locale : Locale.getDefault();
    }
}
