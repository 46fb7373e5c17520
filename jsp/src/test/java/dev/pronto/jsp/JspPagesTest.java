package dev.pronto.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.jsp.JspConfig;
import dev.pronto.servlet.jsp.JspPropertyGroup;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSP pages of an embedded application, compiled by Jasper and served over real sockets. */
class JspPagesTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final AtomicReference<String> ADD_JSP_FILE_CLASS = new AtomicReference<>();
    private static ProntoServer server;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(JspPagesTest.class.getResource("/webapp").toURI());
        ServletContainerInitializer addsJspFile = (classes, context) -> {
            ServletRegistration.Dynamic single = context.addJspFile("single", "/WEB-INF/single.jsp");
            single.addMapping("/single");
            ADD_JSP_FILE_CLASS.set(single.getClassName());
        };
        JspPropertyGroup prelude = new JspPropertyGroup(List.of("/pg/*"), null, null, null, null, null,
                List.of("/WEB-INF/jspf/prelude.jspf"), List.of(), null, null, null, null, null);
        server = Pronto.server()
                .config(c -> c.host("127.0.0.1").port(0))
                .webapp(app -> app.contextPath("/app").resources(root).welcomeFiles("index.jsp")
                        .jspConfig(new JspConfig(List.of(), List.of(prelude)))
                        .initializer(addsJspFile))
                .start();
    }

    @AfterAll
    static void stop() {
        server.destroy();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/app" + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageWithElAndScriptlet() throws Exception {
        HttpResponse<String> response = get("/hello.jsp?name=Ada");
        assertEquals(200, response.statusCode());
        assertEquals("Hello Ada, 6*7=42, scriptlet=GET", response.body().strip());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("Hello nobody, 6*7=42, scriptlet=GET", get("/hello.jsp").body().strip());
    }

    @Test
    void tagFile() throws Exception {
        assertEquals("[greet tag file]", get("/tagfile.jsp").body().strip());
    }

    @Test
    void jstlFromAJarOnTheClassPath() throws Exception {
        HttpResponse<String> response = get("/jstl.jsp");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("1,2,3 &lt;b&gt; JSTL", response.body().strip());
    }

    @Test
    void includeAndForward() throws Exception {
        assertEquals("before [middle]\n after", get("/include.jsp").body().strip());
        HttpResponse<String> forwarded = get("/forward.jsp");
        assertEquals(200, forwarded.statusCode());
        assertEquals("Hello forwarded, 6*7=42, scriptlet=GET", forwarded.body().strip());
    }

    @Test
    void compileErrorIs500WithoutAStackTrace() throws Exception {
        HttpResponse<String> response = get("/broken.jsp");
        assertEquals(500, response.statusCode());
        assertFalse(response.body().contains("at org.apache"), response.body());
        assertFalse(response.body().contains("not a number"), "no page source in the answer: " + response.body());
        assertEquals(200, get("/hello.jsp").statusCode(), "the other pages still work");
    }

    @Test
    void addJspFileServesOnePageUnderItsOwnName() throws Exception {
        HttpResponse<String> response = get("/single");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("single page, servlet single", response.body().strip());
        assertEquals("org.apache.jasper.servlet.JspServlet", ADD_JSP_FILE_CLASS.get());
        assertEquals(404, get("/WEB-INF/single.jsp").statusCode(), "WEB-INF stays private");
    }

    @Test
    void propertyGroupPreludeAndWelcomeFile() throws Exception {
        assertEquals("prelude|\npage body", get("/pg/page.jsp").body().strip());
        HttpResponse<String> welcome = get("/");
        assertEquals(200, welcome.statusCode());
        assertEquals("welcome from JSP", welcome.body().strip(), "the welcome JSP runs, its source is never sent");
    }

    @Test
    void pagesAreCompiledIntoTheApplicationsTemporaryDirectory() throws Exception {
        get("/hello.jsp");
        java.io.File temp = (java.io.File) server.applications().get(0).context()
                .getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
        assertNotNull(temp);
        try (var files = Files.walk(temp.toPath().resolve("jsp"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("hello_jsp.class")));
        }
        assertNull(get("/hello.jsp").headers().firstValue("X-Powered-By").orElse(null));
    }
}
