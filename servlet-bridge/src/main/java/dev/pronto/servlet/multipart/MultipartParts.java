package dev.pronto.servlet.multipart;

import dev.pronto.container.RequestBodyException;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A request's {@code getParts()}/{@code getPart()} (Servlet 6.1 §3.2): checks the content type and the servlet's
 * multipart configuration, parses the body once on first use, and caches the parts or the failure. Used by the
 * request's thread; {@link #delete()} runs when the request ends.
 */
public final class MultipartParts {

    /** Opens the request body for reading; called at most once. */
    @FunctionalInterface
    public interface Body {
        InputStream open() throws IOException;
    }

    private final ServletContext context;
    private final Supplier<MultipartConfigElement> configs;
    private MultipartConfigElement config;
    private final String contentType;
    private final long contentLength;
    private final Body body;
    private MultipartForm form;
    private Exception failure;

    /**
     * @param configs       the multipart configuration of the servlet handling the request (null if it has none),
     *                      asked until the body is parsed: the servlet is known only once the request is mapped
     * @param contentLength the declared body length, {@code -1} if unknown
     */
    public MultipartParts(ServletContext context, Supplier<MultipartConfigElement> configs, String contentType,
                          long contentLength, Body body) {
        this.context = context;
        this.configs = configs;
        this.contentType = contentType;
        this.contentLength = contentLength;
        this.body = body;
    }

    /** Whether {@code contentType} is {@code multipart/form-data} (parameters ignored, any case). */
    public static boolean isFormData(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .equalsIgnoreCase("multipart/form-data");
    }

    /** True if the servlet handling the request takes multipart requests. */
    public boolean isConfigured() {
        return (config != null ? config : configs.get()) != null;
    }

    /**
     * Every part, in the order received; parses the body on first use, with {@code charset} for part headers.
     *
     * @throws ServletException      if the request is not {@code multipart/form-data}
     * @throws IllegalStateException if the servlet has no multipart configuration, or a
     *                               {@link MultipartSizeException} if a limit was exceeded
     * @throws IOException           if the body could not be read, or a 400 {@link RequestBodyException} if malformed
     */
    public Collection<Part> all(Charset charset) throws IOException, ServletException {
        return form(charset).parts();
    }

    /** The first part named {@code name}, or null; see {@link #all}. */
    public Part get(String name, Charset charset) throws IOException, ServletException {
        return form(charset).part(name);
    }

    /**
     * The non-file parts as parameter values (Servlet 6.1 §3.2), field charset defaulting to {@code charset}, at
     * most {@code maxBytes} of them together (-1: no limit, else {@link MultipartSizeException}); see {@link #all}.
     */
    public Map<String, List<String>> fields(Charset charset, long maxBytes) throws IOException, ServletException {
        return form(charset).fields(charset, maxBytes);
    }

    private MultipartForm form(Charset charset) throws IOException, ServletException {
        if (form != null) {
            return form;
        }
        if (failure instanceof RuntimeException e) {
            throw e; // the same failure every time: the body is gone
        }
        if (failure != null) {
            throw (IOException) failure;
        }
        if (!isFormData(contentType)) {
            throw new ServletException("The request is not multipart/form-data but " + contentType);
        }
        config = configs.get();
        if (config == null) {
            throw new IllegalStateException("The servlet handling this request has no multipart configuration "
                    + "(@MultipartConfig or ServletRegistration.Dynamic.setMultipartConfig)");
        }
        try {
            form = parse(charset);
            return form;
        } catch (IOException | RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private MultipartForm parse(Charset charset) throws IOException {
        long maxRequestSize = config.getMaxRequestSize();
        if (maxRequestSize >= 0 && contentLength > maxRequestSize) {
            throw MultipartLimits.requestTooLarge(maxRequestSize); // known before reading a byte
        }
        String boundary = boundary(contentType);
        if (boundary == null) {
            throw new RequestBodyException(400, "Malformed multipart body: the content type has no boundary");
        }
        MultipartFormReader.Settings settings = new MultipartFormReader.Settings(location(),
                config.getFileSizeThreshold(), config.getMaxFileSize(), maxRequestSize);
        return new MultipartFormReader(settings, charset).read(body.open(), boundary);
    }

    /**
     * {@code MultipartConfigElement.getLocation()}: absolute as it is; empty or relative, against the context's
     * temporary directory ({@code jakarta.servlet.context.tempdir}, else {@code java.io.tmpdir}).
     */
    private Path location() {
        String location = config.getLocation();
        Path configured = location == null || location.isEmpty() ? null : Path.of(location);
        if (configured != null && configured.isAbsolute()) {
            return configured;
        }
        Object tempDir = context == null ? null : context.getAttribute(ServletContext.TEMPDIR);
        Path base = tempDir instanceof File f ? f.toPath()
                : tempDir instanceof Path p ? p
                : tempDir instanceof String s ? Path.of(s)
                : Path.of(System.getProperty("java.io.tmpdir"));
        return configured == null ? base : base.resolve(configured);
    }

    /** The {@code boundary} parameter (RFC 2046 §5.1.1), unquoted; null if absent or empty. */
    static String boundary(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("boundary=");
        while (at > 0 && " ;\t".indexOf(lower.charAt(at - 1)) < 0) {
            at = lower.indexOf("boundary=", at + 1);
        }
        if (at < 0) {
            return null;
        }
        String value = contentType.substring(at + 9).trim();
        if (value.startsWith("\"")) {
            int close = value.indexOf('"', 1);
            value = close < 0 ? value.substring(1) : value.substring(1, close);
        } else {
            int end = value.indexOf(';');
            value = (end < 0 ? value : value.substring(0, end)).trim();
        }
        return value.isEmpty() || value.length() > 70 ? null : value;
    }

    /** True once parsing the body failed; {@link #all} then throws that failure again. */
    public boolean failed() {
        return failure != null;
    }

    /** Deletes the parts' temporary files; idempotent. Called when the request ends. */
    public void delete() throws IOException {
        if (form != null) {
            form.delete();
        }
    }
}
