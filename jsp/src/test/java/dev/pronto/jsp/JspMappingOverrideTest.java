package dev.pronto.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSP servlet's {@code *.jsp} and {@code *.jspx} are container defaults (as in Tomcat's global web.xml): an
 * application mapping {@code *.jsp} to its own servlet takes the pattern over instead of failing to deploy.
 */
class JspMappingOverrideTest {

    /** Claims the .jsp pages for itself. */
    static final class OwnJspServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("own servlet for " + req.getServletPath());
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ProntoServer server;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(JspMappingOverrideTest.class.getResource("/webapp").toURI());
        server = Pronto.server()
                .config(c -> c.host("127.0.0.1").port(0))
                .webapp(app -> app.contextPath("/app").resources(root)
                        .servlet("own", new OwnJspServlet(), r -> r.addMapping("*.jsp")))
                .start();
    }

    @AfterAll
    static void stop() {
        server.destroy();
    }

    @Test
    void theApplicationsMappingTakesTheJspPattern() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/app/hello.jsp")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("own servlet for /hello.jsp", response.body());
        var app = server.applications().get(0);
        assertEquals(List.of("*.jspx"), List.copyOf(app.servlet("jsp").getMappings()), "the JSP servlet keeps the rest");
        assertEquals(List.of("*.jsp"), List.copyOf(app.servlet("own").getMappings()));
    }
}
