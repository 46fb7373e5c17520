package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.Pronto;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Descriptors of every Servlet version deploy (Servlet 6.1 §8), and {@code getEffectiveMajorVersion}/{@code Minor}
 * report the version the descriptor declares (the container's own, 6.1, without one). Checked over HTTP.
 */
class DescriptorVersionsTest {

    @TempDir
    Path dir;

    static final String VERSION_SERVLET = """
            package old;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            public class VersionServlet extends HttpServlet {
                @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.getWriter().print(getServletContext().getEffectiveMajorVersion() + "."
                            + getServletContext().getEffectiveMinorVersion() + " of "
                            + getServletContext().getMajorVersion() + "." + getServletContext().getMinorVersion());
                }
            }
            """;

    private static String servlet(String pattern) {
        return "<servlet><servlet-name>v</servlet-name><servlet-class>old.VersionServlet</servlet-class></servlet>"
                + "<servlet-mapping><servlet-name>v</servlet-name><url-pattern>" + pattern + "</url-pattern>"
                + "</servlet-mapping>";
    }

    @ParameterizedTest
    @CsvSource({"2.2,Version,/Version", "2.3,/Version,/Version"})
    void dtdDescriptorsDeploy(String version, String pattern, String path) throws Exception {
        Path war = TestWar.in(dir.resolve("build")).classes(VERSION_SERVLET).file("WEB-INF/web.xml",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE web-app PUBLIC '-//Sun Microsystems, "
                        + "Inc.//DTD Web Application " + version + "//EN' 'http://java.sun.com/dtd/web-app.dtd'>\n"
                        + "<web-app>" + servlet(pattern) + "</web-app>\n")
                .pack(dir.resolve("old.war"));
        try (Http http = new Http(Pronto.server().war(war))) {
            // a 2.2 pattern without its leading slash maps the path with it
            assertEquals(version + " of 6.1", http.get("/old" + path).body());
        }
    }

    @ParameterizedTest
    @CsvSource({"http://java.sun.com/xml/ns/j2ee,2.4", "http://java.sun.com/xml/ns/javaee,2.5",
            "http://xmlns.jcp.org/xml/ns/javaee,4.0", "https://jakarta.ee/xml/ns/jakartaee,5.0"})
    void schemaDescriptorsGiveTheirVersion(String namespace, String version) throws Exception {
        Path war = TestWar.in(dir.resolve("build")).classes(VERSION_SERVLET).file("WEB-INF/web.xml",
                "<web-app xmlns=\"" + namespace + "\" version=\"" + version + "\">" + servlet("/v") + "</web-app>")
                .pack(dir.resolve("old.war"));
        try (Http http = new Http(Pronto.server().war(war))) {
            assertEquals(version + " of 6.1", http.get("/old/v").body());
        }
    }

    @Test
    void withoutDescriptorTheContainersVersion() throws Exception {
        Path war = TestWar.in(dir.resolve("build")).classes(VERSION_SERVLET.replace("public class",
                "@jakarta.servlet.annotation.WebServlet(\"/v\") public class")).pack(dir.resolve("new.war"));
        try (Http http = new Http(Pronto.server().war(war))) {
            assertEquals("6.1 of 6.1", http.get("/new/v").body());
        }
    }
}
