package dev.pronto.servlet.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the default servlet is installed: automatically on "/", by name only, off, explicitly; classpath jars. */
class DefaultServletRegistrationTest {

    private static final String JS = "console.log('from a jar');\n";

    @TempDir
    static Path root;
    static Path base;
    static Path jar;

    @BeforeAll
    static void files() throws IOException {
        base = Files.createDirectories(root.resolve("base"));
        Files.writeString(base.resolve("hello.txt"), "hello");
        Files.createDirectories(base.resolve("sub"));
        Files.writeString(base.resolve("sub/index.html"), "sub index");
        Files.writeString(base.resolve("500.html"), "static error page");
        jar = root.resolve("assets.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "static/", null);
            entry(out, "static/app.js", JS);
            entry(out, "static/dir/", null);
            entry(out, "static/dir/index.html", "jar dir index");
            entry(out, "static/both.txt", "from static");
            entry(out, "public/both.txt", "from public");
            entry(out, "public/pub.txt", "public file");
            entry(out, "META-INF/resources/meta.txt", "meta resource");
        }
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(1_700_000_000_000L);
        out.putNextEntry(entry);
        if (content != null) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "\r\n";
    }

    /** The application's own "/" servlet, which hands files to the default servlet by name (as Spring MVC does). */
    public static final class FrontServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            if (req.getServletPath().startsWith("/api")) {
                resp.getWriter().print("api");
                return;
            }
            RequestDispatcher named = getServletContext().getNamedDispatcher(DefaultServlet.NAME);
            if (named == null) {
                resp.sendError(404);
                return;
            }
            named.forward(req, resp);
        }
    }

    @Test
    void classpathJarResourcesAreStreamedWithValidatorsAndRanges() throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        try (ServletTestServer s = ServletTestServer.start(app -> app.classLoader(loader).classpathStaticResources())) {
            Response js = s.exchange(get("/app.js"));
            assertEquals(200, js.status());
            assertEquals(JS, js.body());
            assertEquals("text/javascript", js.header("content-type"));
            assertEquals(Integer.toString(JS.length()), js.header("content-length"));
            assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", js.header("last-modified"));
            String etag = js.header("etag");
            assertEquals(304, s.exchange(get("/app.js", "If-None-Match: " + etag + "\r\n")).status());
            Response range = s.exchange(get("/app.js", "Range: bytes=0-6\r\n"));
            assertEquals(206, range.status());
            assertEquals("console", range.body());
            assertEquals("bytes 0-6/" + JS.length(), range.header("content-range"));
            Response redirect = s.exchange(get("/dir"));
            assertEquals(302, redirect.status());
            assertEquals("http://localhost/dir/", redirect.header("location"));
            assertEquals("jar dir index", s.exchange(get("/dir/")).body());
            assertEquals("meta resource", s.exchange(get("/meta.txt")).body());
            assertEquals("public file", s.exchange(get("/pub.txt")).body());
            assertEquals("from static", s.exchange(get("/both.txt")).body(), "static is searched before public");
            try (RawHttpConnection c = s.connect()) {
                c.send("HEAD /app.js HTTP/1.1\r\nHost: t\r\n\r\n");
                assertEquals(Integer.toString(JS.length()), c.read(true).header("content-length"));
                c.send(get("/pub.txt"));
                assertEquals("public file", c.read().body());
            }
        }
        loader.close();
    }

    @Test
    void whenTheApplicationMapsSlashTheDefaultServletIsThereByName() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.resources(base)
                .servlet("front", new FrontServlet(), reg -> reg.addMapping("/")))) {
            assertEquals("api", s.exchange(get("/api/x")).body());
            assertEquals("hello", s.exchange(get("/hello.txt")).body());
            assertEquals("sub index", s.exchange(get("/sub/")).body());
            assertTrue(s.server().applications().get(0).servlet(DefaultServlet.NAME).getMappings().isEmpty());
        }
    }

    @Test
    void switchedOffThereIsNoDefaultServlet() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.resources(base).defaultServlet(false)
                .servlet("front", new FrontServlet(), reg -> reg.addMapping("/")))) {
            assertEquals(404, s.exchange(get("/hello.txt")).status());
            assertNull(s.server().applications().get(0).servlet(DefaultServlet.NAME));
        }
        try (ServletTestServer s = ServletTestServer.start(app -> app.resources(base).defaultServlet(false))) {
            assertEquals(404, s.exchange(get("/hello.txt")).status());
        }
    }

    @Test
    void explicitMappingWithPathInfoOnly() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.resources(base).defaultServlet(false)
                .servlet("files", new DefaultServlet(), reg -> {
                    reg.addMapping("/files/*");
                    reg.setInitParameter("pathInfoOnly", "true");
                }))) {
            assertEquals("hello", s.exchange(get("/files/hello.txt")).body());
            assertEquals("sub index", s.exchange(get("/files/sub/")).body());
            Response redirect = s.exchange(get("/files/sub"));
            assertEquals("http://localhost/files/sub/", redirect.header("location"));
            assertEquals(404, s.exchange(get("/hello.txt")).status());
        }
    }

    @Test
    void underAContextPath() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.contextPath("/shop").resources(base))) {
            assertEquals("hello", s.exchange(get("/shop/hello.txt")).body());
            assertEquals("http://localhost/shop/sub/", s.exchange(get("/shop/sub")).header("location"));
            assertEquals(404, s.exchange(get("/hello.txt")).status());
        }
    }

    /** A POST handler that fails, or forwards to a static file. */
    public static final class PostServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            if (req.getServletPath().equals("/fail")) {
                throw new IllegalStateException("failing on purpose");
            }
            req.getRequestDispatcher("/hello.txt").forward(req, resp);
        }
    }

    @Test
    void errorPagesAndForwardsOfAPostAreServedAsGet() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.resources(base).errorPage(500, "/500.html")
                .servlet("post", new PostServlet(), reg -> reg.addMapping("/fail", "/forward")))) {
            String post = " HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nIf-None-Match: *\r\n\r\n";
            Response error = s.exchange("POST /fail" + post);
            assertEquals(500, error.status());
            assertEquals("static error page", error.body());
            Response forwarded = s.exchange("POST /forward" + post);
            assertEquals(200, forwarded.status());
            assertEquals("hello", forwarded.body());
            assertEquals(405, s.exchange("POST /hello.txt" + post).status());
        }
    }

    @Test
    void noResourcesNoDefaultServlet() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> app.servlet("/x", new FrontServlet()))) {
            assertNull(s.server().applications().get(0).servlet(DefaultServlet.NAME));
        }
    }
}
