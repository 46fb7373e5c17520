package dev.pronto.servlet.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** One authentication mechanism of Servlet 6.1 §13.6. Implementations are stateless or thread-safe. */
interface Authenticator {

    /** The {@code HttpServletRequest.getAuthType()} value, e.g. {@code BASIC}. */
    String authType();

    /** Looks at the credentials {@code request} carries (a header, or a FORM login's session) and checks them. */
    Attempt credentials(HttpServletRequest request);

    /**
     * Asks the client for credentials: a 401 with a challenge, or FORM's login page.
     *
     * @param stale DIGEST: the nonce was stale, the credentials right
     */
    void challenge(HttpServletRequest request, HttpServletResponse response, boolean stale)
            throws IOException, ServletException;
}
