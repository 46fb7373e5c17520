package dev.pronto.servlet.response;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.http.HttpDates;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The response head until it is committed, and the one place that commits it: status, headers (written straight into
 * the exchange's header object), content type and charset ({@link ResponseContentType}), declared length, trailers.
 * The output stream only asks it to commit ({@link #commitWhole}, {@link #commitStreaming}, {@link #end}); the framing
 * follows from what was set. Locked while an include runs (§9.3), an error is pending (§10.9) or once committed. The
 * base of {@link HttpServletResponseImpl}, so a response stays one object; used by the thread running the request.
 *
 * <pre>
 *   OPEN --body fits, no trailers, closed--> commitWhole: status, type; length framed by the engine
 *   OPEN --buffer full / flush / trailers--> commitStreaming: status, type, declared length if any, else chunked
 *                                            ... end: last chunk, with the trailer fields if any
 * </pre>
 */
abstract class ResponseHead implements HttpServletResponse {

    final HttpExchange exchange;
    private final ResponseContentType contentType;
    private final Function<String, String> localeCharsets;
    private int status = SC_OK;
    private long contentLength = -1;
    private Locale locale;
    private Supplier<Map<String, String>> trailerSupplier;
    private boolean chunkedRequested;
    private boolean headPrepared;
    private int includeDepth;
    /** Non-zero from {@code sendError} until its error page renders. */
    int errorStatus;

    /** @param localeCharsets the context's locale-to-charset mapping for {@link #setLocale} (may return null) */
    ResponseHead(HttpExchange exchange, String defaultEncoding, Function<String, String> localeCharsets) {
        this.exchange = exchange;
        this.contentType = new ResponseContentType(defaultEncoding);
        this.localeCharsets = localeCharsets;
    }

    private HttpHeaders headers() {
        return exchange.responseHeaders();
    }

    ResponseContentType contentType() {
        return contentType;
    }

    // ---- the commit ------------------------------------------------------------------------------------------

    /** The length the application declared, {@code -1} if none: writing that many bytes completes the body (§5.7). */
    long declaredContentLength() {
        return contentLength;
    }

    /**
     * True when the body can still go out whole, framed by the engine with its real length: nothing is committed and
     * no chunked coding is needed (trailer fields need it, RFC 9112 §7.1.2; or the application asked for it).
     */
    boolean canCommitWhole() {
        return !exchange.isCommitted() && trailerSupplier == null && !chunkedRequested;
    }

    /** Commits with the whole body (the buffer's ownership passes to the exchange) and ends the exchange. */
    void commitWhole(ByteBuf body) {
        prepare(true);
        exchange.send(body);
    }

    /** Commits the head alone, unless already done: the body follows in chunks, or up to a declared length. */
    void commitStreaming() {
        if (!exchange.isCommitted()) {
            prepare(false);
            exchange.flush(); // the head goes out chunked, so the trailers have a place
        }
    }

    /** Ends a streamed body, with the trailer fields if any. */
    void end() {
        exchange.end(trailers());
    }

    /**
     * Writes status, content type and a declared length into the head. When the whole body goes in one message the
     * engine frames it with its own length, so the declared one is only written for a {@code HEAD} answer (which has
     * no body to measure); never next to a chunked coding.
     */
    private void prepare(boolean wholeBody) {
        if (headPrepared || exchange.isCommitted()) {
            return;
        }
        headPrepared = true;
        exchange.status(status);
        String type = contentType.contentTypeHeader();
        if (type != null) {
            headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        boolean chunked = trailerSupplier != null || chunkedRequested;
        if (contentLength >= 0 && (!wholeBody || HttpMethod.HEAD.equals(exchange.method())) && !chunked) {
            headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        }
        contentType.onCommitted();
    }

    private HttpHeaders trailers() {
        Map<String, String> fields = trailerSupplier == null ? null : trailerSupplier.get();
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        HttpHeaders trailers = new DefaultHttpHeaders();
        fields.forEach(trailers::set);
        return trailers;
    }

    // ---- locks -----------------------------------------------------------------------------------------------

    /** While an include runs, status and header changes are ignored (§9.3). */
    public void enterInclude() {
        includeDepth++;
    }

    public void exitInclude() {
        includeDepth--;
    }

    boolean inInclude() {
        return includeDepth > 0;
    }

    /** Includes may not change the head (§9.3), nor may anyone once it is sent or an error is pending (§10.9). */
    private boolean headersLocked() {
        return includeDepth > 0 || errorStatus != 0 || exchange.isCommitted();
    }

    /** Forgets status, headers, type and length ({@code reset}, and an error page taking over). */
    void resetHead(boolean headers) {
        if (headers) {
            headers().clear();
            status = SC_OK;
            locale = null;
            chunkedRequested = false;
        }
        contentLength = -1;
        contentType.reset();
    }

    // ---- status ----------------------------------------------------------------------------------------------

    @Override
    public void setStatus(int sc) {
        if (!headersLocked()) {
            status = sc;
        }
    }

    /** Sets the status even while headers are locked for the application: {@code sendError}, redirects. */
    void forceStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    // ---- headers ---------------------------------------------------------------------------------------------

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
        if (name == null || headersLocked() || special(name, value)) {
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

    /** Sets a header whatever the locks say: the container's own ({@code Location} of a redirect). */
    void forceHeader(CharSequence name, String value) {
        headers().set(name, value);
    }

    /**
     * Content-Type and Content-Length go through their own setters so the charset rules apply; Transfer-Encoding is
     * the container's framing (never sent next to a Content-Length), so the application can only ask for chunked.
     */
    private boolean special(String name, String value) {
        if (HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
            chunkedRequested = value != null && value.toLowerCase(Locale.ROOT).contains("chunked");
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
        if (!HttpVersion.HTTP_1_1.equals(exchange.version()) && exchange.version().majorVersion() < 2) {
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

    // ---- content type, length, locale ------------------------------------------------------------------------

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
