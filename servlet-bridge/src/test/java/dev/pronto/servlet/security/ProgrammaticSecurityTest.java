package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@code login}, {@code logout}, {@code authenticate}, {@code declareRoles} and failed-login rate limiting over real
 * sockets.
 */
class ProgrammaticSecurityTest {

    /** {@code ?do=login|authenticate|declare} then reports the caller. */
    static final class ProgrammaticServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            PrintWriter out = resp.getWriter();
            try {
                switch (String.valueOf(req.getParameter("do"))) {
                    case "login" -> {
                        req.login(req.getParameter("u"), req.getParameter("p"));
                        out.print("in:" + who(req));
                        try {
                            req.login("alice", "wonder");
                        } catch (ServletException e) {
                            out.print(" again:refused");
                        }
                        req.logout();
                        out.print(" out:" + who(req));
                    }
                    case "authenticate" -> {
                        if (req.authenticate(resp)) {
                            out.print("authenticated:" + who(req));
                        }
                    }
                    case "declare" -> {
                        try {
                            req.getServletContext().declareRoles("late");
                        } catch (IllegalStateException e) {
                            out.print("declareRoles after init: IllegalStateException");
                        }
                    }
                    default -> out.print(who(req));
                }
            } catch (ServletException e) {
                out.print("ServletException: " + e.getMessage());
            }
        }

        private static String who(HttpServletRequest req) {
            return req.getRemoteUser() + '/' + req.getAuthType() + '/' + req.isUserInRole("admin") + '/'
                    + req.isUserInRole("declared");
        }
    }

    /** Declares a role while the context starts, as the spec allows. */
    static final class DeclaringListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            sce.getServletContext().declareRoles("declared");
        }
    }

    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ServletTestServer secured(int maxFailures) throws Exception {
        return ServletTestServer.start(app -> app
                .realm(InMemoryRealm.builder().user("alice", "wonder", "admin", "declared").build())
                .loginConfig("BASIC", "R", null, null)
                .loginRateLimit(maxFailures, Duration.ofHours(1))
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/admin/*"), "admin"))
                .listener(new DeclaringListener())
                .servlet("/", new ProgrammaticServlet()));
    }

    static HttpResponse<String> get(ServletTestServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loginLogoutAndAuthenticate() throws Exception {
        try (ServletTestServer server = secured(0)) {
            assertEquals("in:alice/BASIC/true/true again:refused out:null/null/false/false",
                    get(server, "/?do=login&u=alice&p=wonder", null).body());
            assertEquals("ServletException: login failed for user 'alice'",
                    get(server, "/?do=login&u=alice&p=nope", null).body());
            assertEquals("ServletException: login: a user name and a password are required",
                    get(server, "/?do=login", null).body());
            assertEquals("ServletException: login: a user name and a password are required",
                    get(server, "/?do=login&u=alice", null).body());
            HttpResponse<String> challenged = get(server, "/?do=authenticate", null);
            assertEquals(401, challenged.statusCode());
            assertTrue(challenged.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
            assertEquals("authenticated:alice/BASIC/true/true",
                    get(server, "/?do=authenticate", basic("alice", "wonder")).body());
            assertEquals("declareRoles after init: IllegalStateException", get(server, "/?do=declare", null).body());
        }
    }

    @Test
    void anApplicationWithoutSecurityAnswersWithServletExceptions() throws Exception {
        try (ServletTestServer server = ServletTestServer.start(app -> app.servlet("/", new ProgrammaticServlet()))) {
            assertEquals("ServletException: login: the application has no realm",
                    get(server, "/?do=login&u=a&p=b", null).body());
            assertEquals("ServletException: authenticate: the application has no login-config",
                    get(server, "/?do=authenticate", null).body());
            assertEquals("null/null/false/false", get(server, "/", basic("alice", "wonder")).body());
        }
    }

    @Test
    void failedLoginsAreRateLimitedPerAddressAndLoggedWithoutThePassword() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ServletTestServer server = secured(3)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                assertEquals(401, get(server, "/admin/x", basic("mallory", "hunter2-secret")).statusCode());
            }
            HttpResponse<String> locked = get(server, "/admin/x", basic("alice", "wonder"));
            assertEquals(429, locked.statusCode(), "locked out even with the right password");
            long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 3600);
            assertTrue(get(server, "/?do=login&u=alice&p=wonder", null).body()
                    .startsWith("ServletException: login: too many failed logins from this address"));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("BASIC login failed for user 'mallory' from 127.0.0.1"), log);
        assertFalse(log.contains("hunter2-secret"), log);
    }
}
