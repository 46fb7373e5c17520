package dev.pronto.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.deploy.WarDeployment;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSP examples of Tomcat 11.0.24's {@code examples} webapp, deployed as they ship (unpacked by the build into
 * {@code target/tomcat}): EL, tag files, classic and simple tag handlers from the WAR's TLDs, JSTL from its
 * {@code WEB-INF/lib} (with Jasper's tag plugins), {@code <%@ include %>}, {@code jsp:include} and
 * {@code jsp:forward}. As in the deployer's tests, Tomcat's own classes the WAR uses come from a container class
 * loader.
 */
class TomcatJspExamplesTest {

    static final Path EXAMPLES = Path.of("target/tomcat/apache-tomcat-11.0.24/webapps/examples");

    @TempDir
    Path work;

    @Test
    void examplesRender() throws Exception {
        try (URLClassLoader tomcat = new URLClassLoader(new URL[] {
                Path.of("target/tomcat-lib/tomcat-embed-core.jar").toUri().toURL()}, getClass().getClassLoader())) {
            ProntoServer server = Pronto.server().config(c -> c.host("127.0.0.1").port(0))
                    .webapp(WarDeployment.builder(EXAMPLES).workDirectory(work).ignoreUnsupported(true)
                            .containerClassLoader(tomcat).build())
                    .start();
            try {
                String base = "http://127.0.0.1:" + server.port() + "/examples/jsp/";
                String arithmetic = page(base + "jsp2/el/basic-arithmetic.jsp");
                assertTrue(arithmetic.contains("<td>3</td>") && arithmetic.contains("<td>3.5</td>"), arithmetic);
                assertTrue(page(base + "jsp2/tagfiles/hello.jsp").contains("Hello, world!"), "a tag file");
                assertTrue(page(base + "jsp2/simpletag/hello.jsp").contains("Hello, world!"), "a SimpleTag");
                String forEach = collapse(page(base + "tagplugin/foreach.jsp"));
                assertTrue(forEach.contains("1 2 3 4 5 6 7 8 9 10") && forEach.contains("One Two Three Four"), forEach);
                String include = page(base + "include/include.jsp");
                assertTrue(include.contains("by including the output of another JSP"), include);
                assertTrue(!include.contains("<jsp:include"), include);
                HttpResponse<String> forward = get(base + "forward/forward.jsp");
                assertEquals(200, forward.statusCode(), forward.body());
                assertTrue(!forward.body().contains("jsp:forward"), forward.body());
            } finally {
                server.destroy();
            }
        }
    }

    private static String collapse(String html) {
        return Pattern.compile("\\s+").matcher(html).replaceAll(" ");
    }

    private static String page(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
