package dev.pronto.servlet.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without {@code pronto-jsp} a JSP page is never sent as source: 500 naming the missing engine (issue 13). */
class JspWithoutEngineTest {

    private static final String SOURCE = "<% String secret = \"db-password\"; %>${secret}";

    @TempDir
    Path base;

    @Test
    void aJspPageAnswers500NamingTheEngineAndNeverItsSource() throws Exception {
        Files.writeString(base.resolve("page.jsp"), SOURCE);
        Files.writeString(base.resolve("doc.JSPX"), SOURCE);
        Files.writeString(base.resolve("index.jsp"), SOURCE);
        Files.writeString(base.resolve("plain.txt"), "plain");
        try (ServletTestServer server = ServletTestServer.start(app -> app.resources(base)
                .welcomeFiles("index.jsp"))) {
            for (String target : new String[] {"/page.jsp", "/doc.JSPX", "/"}) {
                Response r = server.exchange("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(500, r.status(), target);
                assertTrue(r.body().contains("pronto-jsp"), r.body());
                assertFalse(r.body().contains("db-password"), r.body());
            }
            assertEquals("plain", server.exchange("GET /plain.txt HTTP/1.1\r\nHost: t\r\n\r\n").body());
            assertEquals(404, server.exchange("GET /missing.jsp HTTP/1.1\r\nHost: t\r\n\r\n").status());
        }
    }
}
