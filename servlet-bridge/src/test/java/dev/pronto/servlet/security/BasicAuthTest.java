package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.ServletSecurity.EmptyRoleSemantic;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BASIC authentication and §13.8 constraints over real sockets. */
class BasicAuthTest {

    /** Reports who the container says the caller is. */
    static class EchoServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("user=" + req.getRemoteUser() + " type=" + req.getAuthType()
                    + " admin=" + req.isUserInRole("admin") + " boss=" + req.isUserInRole("boss")
                    + " principal=" + (req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName()));
        }
    }

    /** Only admins, by annotation. */
    @ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
    static final class AnnotatedServlet extends EchoServlet {
    }

    /** An error page showing the container's message. */
    static final class ErrorMessageServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("error: " + req.getAttribute("jakarta.servlet.error.message"));
        }
    }

    /** A non-blocking servlet telling whether it runs on an event loop. */
    static final class ThreadServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("event loop=" + Thread.currentThread().getName().startsWith("pronto-io"));
        }
    }

    static ServletTestServer server;
    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app
                .realm(InMemoryRealm.builder().user("alice", "wonder", "admin", "user")
                        .user("bob", "bü:lder", "user").build())
                .loginConfig("BASIC", "Test \"Realm\"", null, null)
                .declareRoles("admin", "user")
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/admin/*"), "admin"))
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/user/*"), "*"))
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/any/*"), "**"))
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/denied/*")))
                .securityConstraint(SecurityConstraint.permitAll(WebResourceCollection.of("/secure/*"))
                        .transport(TransportGuarantee.CONFIDENTIAL))
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/m/*").methods("GET"), "user"))
                .denyUncoveredHttpMethods(true)
                .roleRef("echo", "boss", "admin")
                .servlet("echo", new EchoServlet(), reg -> reg.addMapping("/"))
                .servlet("/annotated/*", new AnnotatedServlet())
                .servlet("/error-page", new ErrorMessageServlet())
                .nonBlockingServlet("/inline/*", new ThreadServlet())
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/inline/secured"), "admin"))
                .errorPage(403, "/error-page")
                .servlet("dynamic", new EchoServlet(), reg -> {
                    reg.addMapping("/dynamic/*");
                    reg.setServletSecurity(new ServletSecurityElement(
                            new HttpConstraintElement(EmptyRoleSemantic.DENY)));
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send("GET", path, user == null ? null : basic(user, password));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void challengesWithoutCredentials() throws Exception {
        HttpResponse<String> r = get("/admin/x", null, null);
        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"Test \\\"Realm\\\"\", charset=\"UTF-8\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void admitsTheRightRole() throws Exception {
        HttpResponse<String> r = get("/admin/x", "alice", "wonder");
        assertEquals(200, r.statusCode());
        assertEquals("user=alice type=BASIC admin=true boss=true principal=alice", r.body());
    }

    @Test
    void forbidsAnotherRoleAndChallengesAWrongPassword() throws Exception {
        assertEquals(403, get("/admin/x", "bob", "bü:lder").statusCode());
        assertEquals(401, get("/admin/x", "alice", "wrong").statusCode());
        assertEquals(401, get("/admin/x", "nobody", "wonder").statusCode());
    }

    @Test
    void utf8PasswordWithColon() throws Exception {
        HttpResponse<String> r = get("/user/x", "bob", "bü:lder");
        assertEquals(200, r.statusCode());
        assertEquals("user=bob type=BASIC admin=false boss=false principal=bob", r.body());
    }

    @Test
    void starIsAnyDeclaredRoleAndDoubleStarAnyUser() throws Exception {
        assertEquals(200, get("/user/x", "alice", "wonder").statusCode());
        assertEquals(200, get("/any/x", "bob", "bü:lder").statusCode());
        assertEquals(401, get("/any/x", null, null).statusCode());
    }

    @Test
    void emptyAuthConstraintDeniesEveryone() throws Exception {
        assertEquals(403, get("/denied/x", "alice", "wonder").statusCode());
        assertEquals(403, get("/denied/x", null, null).statusCode());
    }

    @Test
    void confidentialIsRefusedWithAReasonWithoutTls() throws Exception {
        HttpResponse<String> r = get("/secure/x", null, null);
        assertEquals(403, r.statusCode());
        assertEquals("error: CONFIDENTIAL transport-guarantee: this resource needs TLS, which this server does not "
                + "offer", r.body());
    }

    @Test
    void uncoveredMethodsAreDeniedWhenAsked() throws Exception {
        assertEquals(200, get("/m/x", "bob", "bü:lder").statusCode());
        assertEquals(403, send("POST", "/m/x", basic("bob", "bü:lder")).statusCode());
    }

    @Test
    void unconstrainedResourcesStillSeeTheCaller() throws Exception {
        assertEquals("user=null type=null admin=false boss=false principal=null", get("/open", null, null).body());
        assertEquals("user=alice type=BASIC admin=true boss=true principal=alice",
                get("/open", "alice", "wonder").body());
    }

    @Test
    void servletSecurityAnnotationAndSetServletSecurity() throws Exception {
        assertEquals(401, get("/annotated/x", null, null).statusCode());
        assertEquals(403, get("/annotated/x", "bob", "bü:lder").statusCode());
        HttpResponse<String> r = get("/annotated/x", "alice", "wonder");
        assertEquals(200, r.statusCode());
        assertEquals("user=alice type=BASIC admin=true boss=false principal=alice", r.body(),
                "the role reference is the echo servlet's only");
        assertEquals(403, get("/dynamic/x", "alice", "wonder").statusCode());
    }

    @Test
    void aConstrainedNonBlockingServletRunsOffTheEventLoop() throws Exception {
        assertEquals("event loop=true", get("/inline/open", null, null).body());
        assertEquals(401, get("/inline/secured", null, null).statusCode());
        assertEquals("event loop=false", get("/inline/secured", "alice", "wonder").body(),
                "a realm may block: the security check never runs on the event loop");
    }

    @Test
    void encodedAndParameterisedPathsAreConstrainedLikeThePathTheyMapTo() throws Exception {
        for (String target : new String[] {"/%61dmin/x", "/admin;p=1/x", "/admin/./x", "/public/../admin/x",
                "/admin//x", "/admin"}) {
            try (RawHttpConnection c = server.connect()) {
                c.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
                RawHttpConnection.Response r = c.read();
                assertTrue(r.status() == 401 || r.status() == 400, target + " -> " + r.status());
                assertFalse(r.body().contains("user="), target);
            }
        }
    }

    @Test
    void malformedCredentialsAre400AndReachNothing() throws Exception {
        try (RawHttpConnection c = server.connect()) {
            c.send("GET /admin/x HTTP/1.1\r\nHost: x\r\nAuthorization: Basic %%%\r\n\r\n");
            assertEquals(400, c.read().status());
            c.send("GET /admin/x HTTP/1.1\r\nHost: x\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n");
            RawHttpConnection.Response r = c.read();
            assertEquals(400, r.status());
            assertFalse(r.body().contains("user="));
        }
    }
}
