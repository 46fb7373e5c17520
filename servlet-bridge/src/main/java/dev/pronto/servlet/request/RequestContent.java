package dev.pronto.servlet.request;

import dev.pronto.servlet.http.ContentTypes;
import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.multipart.MultipartParts;
import io.netty.handler.codec.http.HttpHeaderNames;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The request body and its encoding: the character encoding (set, from {@code Content-Type}, or the context's
 * default; Servlet 6.1 §3.12), the body as a stream, a reader or multipart parts (§3.2), each made on first use.
 * Part of {@link HttpServletRequestImpl}; used by the thread running the request. The stream releases the chunks it
 * takes; {@link #release} frees what is left.
 */
final class RequestContent {

    private final HttpExchange exchange;
    private final ServletContext context;
    private final long blockingTimeoutMillis;
    private final Supplier<Executor> listenerExecutor;
    private final Supplier<MultipartConfigElement> multipartConfig;
    private String characterEncoding;
    private ServletInputStreamImpl inputStream;
    private BufferedReader reader;
    private MultipartParts parts;

    /**
     * @param listenerExecutor the request's ReadListener executor; yields null unless async started
     * @param multipartConfig  the multipart config of the servlet now handling the request, or null
     */
    RequestContent(HttpExchange exchange, ServletContext context, long blockingTimeoutMillis,
                   Supplier<Executor> listenerExecutor, Supplier<MultipartConfigElement> multipartConfig) {
        this.exchange = exchange;
        this.context = context;
        this.blockingTimeoutMillis = blockingTimeoutMillis;
        this.listenerExecutor = listenerExecutor;
        this.multipartConfig = multipartConfig;
    }

    String contentType() {
        return exchange.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
    }

    long contentLength() {
        String value = exchange.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        return value == null ? -1 : Long.parseLong(value);
    }

    String characterEncoding() {
        if (characterEncoding != null) {
            return characterEncoding;
        }
        String fromHeader = ContentTypes.charset(contentType());
        return fromHeader != null ? fromHeader : context.getRequestCharacterEncoding();
    }

    /** §3.12: no effect once the body was read through a reader or as parameters. */
    void characterEncoding(String env, boolean parametersParsed) throws UnsupportedEncodingException {
        if (reader != null || parametersParsed) {
            return;
        }
        if (env != null) {
            try {
                Charset.forName(env);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnsupportedEncodingException(env);
            }
        }
        characterEncoding = env;
    }

    /** The body's charset for parameters: request, then context default, then UTF-8 (Servlet 6.1 §3.12). */
    Charset charset() {
        try {
            return readerCharset();
        } catch (UnsupportedEncodingException e) {
            return StandardCharsets.UTF_8; // parameters are decoded leniently; only getReader refuses
        }
    }

    /** {@code getReader}'s charset: a named one the JVM lacks is the client's error (§3.12), never a silent UTF-8. */
    private Charset readerCharset() throws UnsupportedEncodingException {
        String name = characterEncoding();
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }

    ServletInputStreamImpl inputStream() {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called for this request");
        }
        return stream();
    }

    /** The stream, whoever reads it (the servlet, the form parser, the multipart parser). */
    ServletInputStreamImpl stream() {
        if (inputStream == null) {
            inputStream = new ServletInputStreamImpl(exchange.body(), blockingTimeoutMillis, listenerExecutor);
        }
        return inputStream;
    }

    /** True once the body stream exists: a form body is then the servlet's, not the parameters' (§3.1.1). */
    boolean streamTaken() {
        return inputStream != null;
    }

    BufferedReader reader() throws UnsupportedEncodingException {
        if (reader == null) {
            if (inputStream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            reader = new BufferedReader(new InputStreamReader(stream(), readerCharset()));
        }
        return reader;
    }

    /** True when the parts were parsed or still can be: the body stream was not taken by someone else. */
    boolean partsAvailable() {
        return parts != null || inputStream == null;
    }

    /** The parts, parsed on first use with the multipart config of the servlet then handling the request. */
    MultipartParts parts() {
        if (parts == null) {
            parts = new MultipartParts(context, multipartConfig, contentType(), contentLength(), this::stream);
        }
        return parts;
    }

    /** Frees what the body holds past its servlet: a chunk in hand, the parts' temporary files. */
    void release() throws IOException {
        if (inputStream != null) {
            inputStream.close(); // the chunk in hand, if the body was not read to its end
        }
        if (parts != null) {
            parts.delete();
        }
    }
}
