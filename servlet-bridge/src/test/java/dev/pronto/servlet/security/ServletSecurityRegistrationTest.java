package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.ServletTestServer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Servlet 6.1 §13.4.1 over real sockets: whose {@code @ServletSecurity} counts depends on how the servlet was
 * registered. By class (name or {@code Class}), by an instance {@code createServlet} made, and by the builder: it
 * applies. By an instance the application made and passed to {@code addServlet(String, Servlet)}: it does not (the
 * spec's exception, as Tomcat).
 */
class ServletSecurityRegistrationTest {

    /** Only admins, by annotation. */
    @ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
    public static final class AdminOnlyServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("user=" + req.getRemoteUser());
        }
    }

    /** Registers the annotated servlet in each of the ServletContext's ways. */
    static final class Registrations implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
            context.addServlet("byClass", AdminOnlyServlet.class).addMapping("/by-class");
            context.addServlet("byClassName", AdminOnlyServlet.class.getName()).addMapping("/by-class-name");
            context.addServlet("created", context.createServlet(AdminOnlyServlet.class)).addMapping("/created");
            context.addServlet("instance", new AdminOnlyServlet()).addMapping("/instance");
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app
                .realm(InMemoryRealm.builder().user("alice", "wonder", "admin").build())
                .loginConfig("BASIC", "test", null, null)
                .initializer(new Registrations())
                .servlet("/builder", new AdminOnlyServlet()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"/by-class, 401", "/by-class-name, 401", "/created, 401", "/builder, 401", "/instance, 200"})
    void theAnnotationCountsUnlessTheApplicationMadeTheInstance(String path, int anonymous) throws Exception {
        assertEquals(anonymous, server.get(path).statusCode(), path);
        var admin = server.send(server.request(path).header("Authorization", BasicAuthTest.basic("alice", "wonder")));
        assertEquals(200, admin.statusCode(), path);
        assertEquals("user=alice", admin.body());
    }
}
