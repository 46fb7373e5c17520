package dev.pronto.servlet.request;

import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.http.ContentTypes;
import dev.pronto.servlet.multipart.MultipartParts;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The request body and its encoding: the character encoding (set, from {@code Content-Type}, or the context's
 * default; Servlet 6.1 §3.12), the body as a stream, a reader or multipart parts (§3.2), each made on first use.
 * Part of {@link HttpServletRequestImpl}; used by the thread running the request. The stream releases the chunks it
 * takes; {@link #release} frees what is left.
 */
final class RequestContent {

    private final HttpServletRequestImpl request;
    private String characterEncoding;
    private ServletInputStreamImpl inputStream;
    private BufferedReader reader;
    private MultipartParts parts;

    RequestContent(HttpServletRequestImpl request) {
        this.request = request;
    }

    /** The encoding when none was set: the {@code Content-Type} charset, else the context's default (§3.12). */
    static String implicitEncoding(HttpServletRequest request) {
        String fromHeader = ContentTypes.charset(request.getContentType());
        return fromHeader != null ? fromHeader : request.getServletContext().getRequestCharacterEncoding();
    }

    /** The charset for parameters: the named one, else UTF-8 (§3.12); decoded leniently, only getReader refuses. */
    static Charset lenientCharset(String name) {
        try {
            return charset(name);
        } catch (UnsupportedEncodingException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** {@code getReader}'s charset: a named one the JVM lacks is the client's error (§3.12), never a silent UTF-8. */
    private static Charset charset(String name) throws UnsupportedEncodingException {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }

    String characterEncoding() {
        return characterEncoding != null ? characterEncoding : implicitEncoding(request);
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

    Charset charset() {
        return lenientCharset(characterEncoding());
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
            inputStream = new ServletInputStreamImpl(request.exchange().body(), request.app().blockingTimeoutMillis(),
                    request::listenerExecutor);
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
            reader = new BufferedReader(new InputStreamReader(stream(), charset(characterEncoding())));
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
            parts = new MultipartParts(request.getServletContext(), this::multipartConfig, request.getContentType(),
                    request.getContentLengthLong(), this::stream);
        }
        return parts;
    }

    /** The multipart config of the servlet now handling the request, or null. */
    private MultipartConfigElement multipartConfig() {
        HttpServletMapping mapping = request.getHttpServletMapping();
        ServletHolder holder = mapping == null ? null : request.app().servlet(mapping.getServletName());
        return holder == null ? null : holder.getMultipartConfig();
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
