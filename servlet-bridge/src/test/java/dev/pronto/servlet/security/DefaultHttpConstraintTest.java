package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.ServletTestServer;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.HttpMethodConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Servlet 6.1 §13.4.1.2: an all-default {@code @HttpConstraint} beside a non-default {@code @HttpMethodConstraint}
 * constrains nothing, so the other methods stay uncovered — and {@code deny-uncovered-http-methods} denies them
 * (§13.8.4) — instead of being explicitly opened to everyone. A non-default {@code @HttpConstraint} covers them.
 * Over real sockets.
 */
class DefaultHttpConstraintTest {

    static class MethodServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(req.getMethod() + " served");
        }
    }

    /** GET for admins; the all-default {@code @HttpConstraint} leaves the other methods uncovered. */
    @ServletSecurity(value = @HttpConstraint, httpMethodConstraints = @HttpMethodConstraint(value = "GET",
            rolesAllowed = "admin"))
    static final class PartialServlet extends MethodServlet {
    }

    /** GET for admins, every other method for any authenticated user. */
    @ServletSecurity(value = @HttpConstraint(rolesAllowed = "**"), httpMethodConstraints = @HttpMethodConstraint(
            value = "GET", rolesAllowed = "admin"))
    static final class CoveredServlet extends MethodServlet {
    }

    static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app
                .realm(InMemoryRealm.builder().user("alice", "wonder", "admin").build())
                .loginConfig("BASIC", "test", null, null)
                .declareRoles("admin")
                .denyUncoveredHttpMethods(true)
                .servlet("/partial", new PartialServlet())
                .servlet("/covered", new CoveredServlet()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"GET,/partial,200", "PUT,/partial,403", "DELETE,/partial,403", "POST,/partial,403",
            "GET,/covered,200", "PUT,/covered,200", "DELETE,/covered,200"})
    void uncoveredMethodsAreDenied(String method, String path, int status) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("alice:wonder".getBytes(StandardCharsets.UTF_8));
        var response = server.exchange(method + " " + path + " HTTP/1.1\r\nHost: t\r\nAuthorization: Basic "
                + credentials + "\r\nContent-Length: 0\r\n\r\n");
        assertEquals(status, response.status());
        if (status == 200) {
            assertEquals(method + " served", response.body());
        }
    }
}
