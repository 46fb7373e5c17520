package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.Pronto;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servlet 6.1 §8.1, §13.4: a {@code metadata-complete} web.xml is the whole security policy, so a declared servlet's
 * {@code @ServletSecurity} is ignored; without it the annotation protects the servlet's mappings. Over HTTP.
 */
class MetadataCompleteSecurityTest {

    @TempDir
    Path dir;

    static final String DENIED_SERVLET = """
            package sec;
            import jakarta.servlet.annotation.*;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            @ServletSecurity(@HttpConstraint(ServletSecurity.EmptyRoleSemantic.DENY))
            public class DeniedServlet extends HttpServlet {
                @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.getWriter().print("served");
                }
            }
            """;

    private Path war(String metadataComplete) throws Exception {
        return TestWar.in(dir.resolve("build")).classes(DENIED_SERVLET).webXml(metadataComplete, """
                <servlet><servlet-name>d</servlet-name><servlet-class>sec.DeniedServlet</servlet-class></servlet>
                <servlet-mapping><servlet-name>d</servlet-name><url-pattern>/d</url-pattern></servlet-mapping>
                <login-config><auth-method>BASIC</auth-method></login-config>
                """).pack(dir.resolve("sec.war"));
    }

    @Test
    void metadataCompleteIgnoresServletSecurity() throws Exception {
        try (Http http = new Http(Pronto.server().war(war("metadata-complete=\"true\"")))) {
            assertEquals("served", http.get("/sec/d").body());
        }
    }

    @Test
    void otherwiseTheAnnotationApplies() throws Exception {
        try (Http http = new Http(Pronto.server().war(war("")))) {
            assertEquals(403, http.get("/sec/d").statusCode());
        }
    }
}
