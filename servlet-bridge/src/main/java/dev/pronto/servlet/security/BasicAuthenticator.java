package dev.pronto.servlet.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic authentication (RFC 7617): {@code Authorization: Basic base64(user ":" password)}, decoded as UTF-8
 * (the challenge says {@code charset="UTF-8"}, §2.1). Thread-safe.
 */
final class BasicAuthenticator implements Authenticator {

    private final RealmLogin login;
    private final String challenge;

    BasicAuthenticator(RealmLogin login, String realmName) {
        this.login = login;
        this.challenge = "Basic realm=\"" + Challenges.quote(realmName) + "\", charset=\"UTF-8\"";
    }

    @Override
    public String authType() {
        return HttpServletRequest.BASIC_AUTH;
    }

    @Override
    public Attempt credentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String token = Challenges.credentials(header, "Basic");
        if (token == null) {
            return Attempt.NONE;
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(token.trim());
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Attempt.MALFORMED;
        }
        // RFC 7617 §2: the user-id cannot contain a colon; the password may
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Attempt.MALFORMED;
        }
        return login.check(decoded.substring(0, colon), decoded.substring(colon + 1), request.getRemoteAddr(),
                authType());
    }

    @Override
    public void challenge(HttpServletRequest request, HttpServletResponse response, boolean stale)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
