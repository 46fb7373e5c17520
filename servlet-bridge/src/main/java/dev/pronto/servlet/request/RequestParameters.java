package dev.pronto.servlet.request;

import dev.pronto.servlet.http.ContentTypes;
import dev.pronto.container.RequestBodyException;
import dev.pronto.servlet.multipart.MultipartParts;
import dev.pronto.servlet.multipart.MultipartSizeException;
import io.netty.handler.codec.http.HttpMethod;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request's own parameters: its query string and, for a POST, its form body or multipart fields (Servlet 6.1
 * §3.1.1, §3.2), parsed on first use and then fixed. A dispatch's {@link ParameterOverlay} goes on top. Part of
 * {@link HttpServletRequestImpl}; used by the thread running the request.
 */
final class RequestParameters {

    private final HttpServletRequestImpl request;
    private Map<String, String[]> own;

    RequestParameters(HttpServletRequestImpl request) {
        this.request = request;
    }

    /** True once parsed: the character encoding can no longer change (§3.12). */
    boolean parsed() {
        return own != null;
    }

    /** The parameters the current dispatch sees: its queries' over the request's own. */
    Map<String, String[]> map(ParameterOverlay overlay) {
        return overlay == null ? own() : overlay.resolve(this::own);
    }

    /**
     * Parses the query string and the form body on first use. A form over {@code maxFormSize} fails the first call
     * with a 413 {@link RequestBodyException} as the cause, multipart fields over it with a
     * {@link MultipartSizeException}; later calls (an error page's) get the query parameters. A multipart body that
     * cannot be parsed never fails here: {@code getParts} reports it, as with Tomcat.
     */
    private Map<String, String[]> own() {
        if (own != null) {
            return own;
        }
        ParameterParser parser = new ParameterParser();
        Charset charset = request.charset();
        String query = request.requestQuery();
        if (query != null) {
            parser.addQueryString(query, charset);
        }
        RuntimeException failure = null;
        boolean post = HttpMethod.POST.equals(request.exchange().method());
        if (post && isForm()) {
            try {
                byte[] form = FormBodyReader.read(request.content().stream(), request.getContentLengthLong(),
                        request.app().maxFormSize());
                parser.addForm(form, 0, form.length, charset);
            } catch (IOException e) {
                failure = new IllegalStateException("Cannot read the form parameters: " + e.getMessage(), e);
            }
        }
        Map<String, String[]> parsed = parser.toMap();
        if (post && isMultipart()) {
            try {
                parsed = withMultipartFields(parsed, charset);
            } catch (MultipartSizeException e) {
                failure = e; // the fields are over maxFormSize: 413 unless handled
            }
        }
        own = Collections.unmodifiableMap(parsed);
        if (failure != null) {
            throw failure;
        }
        return own;
    }

    /** §3.1.1: a POST's form body is the parameters' unless the servlet already read the body. */
    private boolean isForm() {
        return ContentTypes.hasMediaType(request.getContentType(), "application/x-www-form-urlencoded")
                && !request.content().streamTaken();
    }

    /** §3.2: a POST to a servlet with a multipart config also has its non-file parts as parameters. */
    private boolean isMultipart() {
        return MultipartParts.isFormData(request.getContentType()) && request.content().partsAvailable()
                && request.content().parts().isConfigured();
    }

    /**
     * The query parameters and the multipart fields; only the query's if the body cannot be parsed, a failure
     * {@code getParts} reports (as Tomcat does).
     *
     * @throws MultipartSizeException when the field values together exceed {@code maxFormSize}
     */
    private Map<String, String[]> withMultipartFields(Map<String, String[]> queryParameters, Charset charset) {
        MultipartParts parts = request.content().parts();
        Map<String, List<String>> fields;
        try {
            parts.all(charset);
            fields = parts.fields(charset, request.app().maxFormSize());
        } catch (MultipartSizeException e) {
            if (parts.failed()) {
                return queryParameters;
            }
            throw e;
        } catch (IOException | ServletException | RuntimeException e) {
            return queryParameters;
        }
        Map<String, String[]> merged = new LinkedHashMap<>(queryParameters);
        fields.forEach((name, values) -> merged.merge(name, values.toArray(new String[0]),
                ParameterOverlay::concat));
        return merged;
    }
}
