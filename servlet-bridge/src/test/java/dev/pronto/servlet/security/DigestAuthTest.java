package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP Digest (RFC 7616, SHA-256 and MD5) over real sockets: challenge, response, nonce-count replay, stale. */
class DigestAuthTest {

    static final String REALM = "Digest Realm";

    /** Names the caller. */
    static final class EchoServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("user=" + req.getRemoteUser() + " type=" + req.getAuthType());
        }
    }

    static ServletTestServer server;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app
                .realm(InMemoryRealm.builder().user("alice", "wonder", "admin")
                        .user("hashed", PasswordHash.hash("pw", 1000), "admin").build())
                .loginConfig("DIGEST", REALM, null, null)
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/d/*"), "admin"))
                .servlet("/", new EchoServlet()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The nonce of a fresh challenge, after checking both challenges are offered, SHA-256 first. */
    static String challenge() throws Exception {
        HttpResponse<String> r = get("/d/x", null);
        assertEquals(401, r.statusCode());
        List<String> challenges = r.headers().allValues("WWW-Authenticate");
        assertEquals(2, challenges.size());
        assertTrue(challenges.get(0).startsWith("Digest realm=\"Digest Realm\", qop=\"auth\", nonce=\""));
        assertTrue(challenges.get(0).endsWith("algorithm=SHA-256"));
        assertTrue(challenges.get(1).endsWith("algorithm=MD5"));
        return nonce(challenges.get(0));
    }

    static String nonce(String challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertTrue(m.find());
        return m.group(1);
    }

    static String authorization(String algorithm, String user, String password, String uri, String nonce, String nc) {
        String ha1 = DigestHashes.hex(algorithm, user + ':' + REALM + ':' + password);
        String ha2 = DigestHashes.hex(algorithm, "GET:" + uri);
        String cnonce = "0a4f113b";
        String response = DigestHashes.hex(algorithm, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + REALM + "\", uri=\"" + uri + "\", algorithm="
                + algorithm + ", nonce=\"" + nonce + "\", nc=" + nc + ", cnonce=\"" + cnonce + "\", qop=auth, "
                + "response=\"" + response + "\", opaque=\"0\"";
    }

    @Test
    void sha256ResponseAuthenticatesAndEachNonceCountWorksOnce() throws Exception {
        String nonce = challenge();
        String first = authorization("SHA-256", "alice", "wonder", "/d/x?y=1", nonce, "00000001");
        HttpResponse<String> ok = get("/d/x?y=1", first);
        assertEquals(200, ok.statusCode());
        assertEquals("user=alice type=DIGEST", ok.body());
        assertEquals(401, get("/d/x?y=1", first).statusCode(), "a replayed nonce-count is refused");
        assertEquals(200, get("/d/x?y=1", authorization("SHA-256", "alice", "wonder", "/d/x?y=1", nonce,
                "00000002")).statusCode());
    }

    @Test
    void md5ForOlderClients() throws Exception {
        String nonce = challenge();
        assertEquals(200, get("/d/x", authorization("MD5", "alice", "wonder", "/d/x", nonce, "00000001"))
                .statusCode());
    }

    @Test
    void wrongPasswordIsChallengedAgain() throws Exception {
        String nonce = challenge();
        HttpResponse<String> r = get("/d/x", authorization("SHA-256", "alice", "wrong", "/d/x", nonce, "00000001"));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Digest "));
    }

    @Test
    void anUnknownNonceIsStale() throws Exception {
        HttpResponse<String> r = get("/d/x", authorization("SHA-256", "alice", "wonder", "/d/x", "made-up",
                "00000001"));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("stale=true"));
    }

    @Test
    void aDigestForAnotherUriIs400() throws Exception {
        String nonce = challenge();
        assertEquals(400, get("/d/x", authorization("SHA-256", "alice", "wonder", "/d/other", nonce, "00000001"))
                .statusCode());
    }

    @Test
    void aUserWithOnlyAHashedPasswordCannotUseDigest() throws Exception {
        String nonce = challenge();
        assertEquals(401, get("/d/x", authorization("SHA-256", "hashed", "pw", "/d/x", nonce, "00000001"))
                .statusCode());
    }
}
