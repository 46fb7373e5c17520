package dev.pronto.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.deploy.WarDeployment;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jetty's {@code jetty-ee10-demo-jsp-webapp} 12.0.5, a packed WAR deployed as it ships: classic and
 * {@code SimpleTag} handlers from TLDs in {@code WEB-INF} (one declaring a listener), a tag file, EL over
 * parameters and headers, {@code jsp:useBean} in the session. Its {@code jstl.jsp} and {@code /foo/} pages use
 * JSTL 2.0's URI, which Jetty's container provides and Pronto does not, so they are not asked for.
 */
class JettyJspDemoTest {

    @TempDir
    Path work;

    @Test
    void demoPagesRender() throws Exception {
        ProntoServer server = Pronto.server().config(c -> c.host("127.0.0.1").port(0))
                .webapp(WarDeployment.builder(Path.of("target/wars/jetty-ee10-demo-jsp-webapp.war"))
                        .workDirectory(work).build())
                .start();
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + server.port() + "/jetty-ee10-demo-jsp-webapp/";
        try {
            String tag = page(client, base + "tag.jsp");
            assertTrue(tag.contains("GMT") && !tag.contains("<acme:date tz=\"GMT\">EEE"), tag);
            String tag2 = page(client, base + "tag2.jsp");
            assertTrue(tag2.contains("On ") && tag2.contains(" of ") && tag2.contains("in the year"), tag2);
            assertTrue(page(client, base + "tagfile.jsp").contains("A panel in a panel."));
            String expr = page(client, base + "expr.jsp?A=21");
            assertTrue(expr.contains("<td>42&nbsp;</td>") && expr.contains("<td>2</td>"), expr);
            assertTrue(page(client, base + "bean1.jsp").contains("Counter accessed 1 times."));
            assertTrue(page(client, base + "bean2.jsp").contains("Counter accessed 2 times."), "one session bean");
        } finally {
            server.destroy();
        }
    }

    private static String page(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }
}
