package dev.pronto.servlet.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * HTTP Digest authentication (RFC 7616) with {@code qop=auth}: SHA-256, and MD5 for older clients, offered in that
 * order of preference (§3.7). Needs a realm that can give {@code H(user:realm:password)}
 * ({@link Realm#digestSecret}). Thread-safe.
 */
final class DigestAuthenticator implements Authenticator {

    private final RealmLogin login;
    private final String realmName;
    private final DigestNonces nonces;

    DigestAuthenticator(RealmLogin login, String realmName, DigestNonces nonces) {
        this.login = login;
        this.realmName = realmName;
        this.nonces = nonces;
    }

    @Override
    public String authType() {
        return HttpServletRequest.DIGEST_AUTH;
    }

    @Override
    public Attempt credentials(HttpServletRequest request) {
        String list = Challenges.credentials(request.getHeader("Authorization"), "Digest");
        if (list == null) {
            return Attempt.NONE;
        }
        Map<String, String> p = Challenges.params(list);
        if (p == null) {
            return Attempt.MALFORMED;
        }
        String username = p.get("username");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        String cnonce = p.get("cnonce");
        String nc = p.get("nc");
        String algorithm = algorithm(p.getOrDefault("algorithm", DigestHashes.MD5)); // §3.4: absent means MD5
        if (username == null || nonce == null || uri == null || response == null || cnonce == null || nc == null
                || algorithm == null || !"auth".equals(p.get("qop")) || !realmName.equals(p.get("realm"))
                || !nc.matches("[0-9a-fA-F]{8}")) {
            return Attempt.MALFORMED; // RFC 7616 needs qop; RFC 2069's form without it is not accepted
        }
        if (!uri.equals(requestTarget(request))) {
            return Attempt.MALFORMED; // §3.4.6: the digest is for another request-target
        }
        String address = request.getRemoteAddr();
        long locked = login.lockedSeconds(address);
        if (locked > 0) {
            return Attempt.locked(locked);
        }
        String ha1 = login.realm() == null ? null : login.realm().digestSecret(username, realmName, algorithm);
        UserPrincipal user = ha1 == null ? null : login.realm().user(username);
        if (user == null) {
            return login.failed(username, address, authType());
        }
        String ha2 = DigestHashes.hex(algorithm, request.getMethod() + ':' + uri);
        String expected = DigestHashes.hex(algorithm, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ":auth:" + ha2);
        if (!DigestHashes.equal(expected, response.toLowerCase(java.util.Locale.ROOT))) {
            return login.failed(username, address, authType());
        }
        return switch (nonces.use(nonce, Long.parseLong(nc, 16))) {
            case VALID -> login.succeeded(user, address);
            case STALE -> Attempt.STALE;
            case REPLAYED -> login.failed(username, address, authType());
        };
    }

    private static String algorithm(String name) {
        if (name.equalsIgnoreCase(DigestHashes.SHA_256)) {
            return DigestHashes.SHA_256;
        }
        return name.equalsIgnoreCase(DigestHashes.MD5) ? DigestHashes.MD5 : null; // -sess variants: not offered
    }

    private static String requestTarget(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query;
    }

    @Override
    public void challenge(HttpServletRequest request, HttpServletResponse response, boolean stale)
            throws IOException {
        String common = "realm=\"" + Challenges.quote(realmName) + "\", qop=\"auth\", nonce=\"" + nonces.issue()
                + "\", opaque=\"" + "0" + "\"" + (stale ? ", stale=true" : "");
        response.setHeader("WWW-Authenticate", "Digest " + common + ", algorithm=SHA-256");
        response.addHeader("WWW-Authenticate", "Digest " + common + ", algorithm=MD5");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
