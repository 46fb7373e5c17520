package dev.pronto.servlet.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * The request that led to FORM's login page (Servlet 6.1 §13.6.3.1), kept in the session to be replayed once the
 * user has logged in: method, target, content type and a body of at most a configured size. Immutable.
 */
record SavedRequest(String method, String requestURI, String queryString, String contentType, byte[] body)
        implements Serializable {

    /** Session attribute holding the saved request. */
    static final String ATTRIBUTE = "dev.pronto.security.savedRequest";

    /** Thrown when the body is larger than a FORM login may save; answered with 413. */
    static final class TooLargeException extends IOException {
        TooLargeException(int limit) {
            super("The request body is larger than the " + limit + " bytes a FORM login can save");
        }
    }

    /** Reads what must be kept of {@code request}, its body at most {@code maxBody} bytes. */
    static SavedRequest of(HttpServletRequest request, int maxBody) throws IOException {
        byte[] body = new byte[0];
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            throw new TooLargeException(maxBody);
        }
        if (declared != 0 && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            InputStream in = request.getInputStream();
            body = in.readNBytes(maxBody + 1);
            if (body.length > maxBody) {
                throw new TooLargeException(maxBody);
            }
        }
        return new SavedRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                request.getContentType(), body);
    }

    /** The URL to send the browser back to once logged in. */
    String target() {
        return queryString == null ? requestURI : requestURI + '?' + queryString;
    }

    /** Whether {@code request} is the browser coming back for this request. */
    boolean matches(HttpServletRequest request) {
        return requestURI.equals(request.getRequestURI())
                && java.util.Objects.equals(queryString, request.getQueryString());
    }
}
