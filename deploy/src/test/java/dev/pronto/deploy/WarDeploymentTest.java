package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WARs built by the test (web.xml, annotations, fragments, initializers), deployed and checked over HTTP. */
class WarDeploymentTest {

    @TempDir
    Path dir;

    static final String HELLO = """
            package shop;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            public class HelloServlet extends HttpServlet {
                @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.setContentType("text/plain");
                    resp.getWriter().print("greeting=" + getInitParameter("greeting")
                            + " shop=" + getServletContext().getInitParameter("shop")
                            + " listener=" + getServletContext().getAttribute("listener")
                            + " tccl=" + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader())
                            + " loader=" + getClass().getClassLoader().getClass().getSimpleName()
                            + " timeout=" + req.getSession().getMaxInactiveInterval());
                }
            }
            """;
    static final String LISTENER = """
            package shop;
            import jakarta.servlet.*;
            public class StartListener implements ServletContextListener {
                @Override public void contextInitialized(ServletContextEvent e) {
                    e.getServletContext().setAttribute("listener", "ran");
                }
            }
            """;
    static final String FILTER = """
            package shop;
            import jakarta.servlet.*;
            import jakarta.servlet.http.*;
            import java.io.IOException;
            public class TagFilter implements Filter {
                @Override public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                        throws IOException, ServletException {
                    ((HttpServletResponse) resp).setHeader("X-Tag", getClass().getSimpleName());
                    chain.doFilter(req, resp);
                }
            }
            """;

    @Test
    void descriptorDeclaresTheApplication() throws Exception {
        Path war = TestWar.in(dir.resolve("build")).classes(HELLO, LISTENER, FILTER).webXml("""
                <context-param><param-name>shop</param-name><param-value>open</param-value></context-param>
                <listener><listener-class>shop.StartListener</listener-class></listener>
                <servlet>
                  <servlet-name>hello</servlet-name>
                  <servlet-class>shop.HelloServlet</servlet-class>
                  <init-param><param-name>greeting</param-name><param-value>hi</param-value></init-param>
                  <load-on-startup>1</load-on-startup>
                </servlet>
                <servlet-mapping><servlet-name>hello</servlet-name><url-pattern>/hello/*</url-pattern></servlet-mapping>
                <filter><filter-name>tag</filter-name><filter-class>shop.TagFilter</filter-class></filter>
                <filter-mapping><filter-name>tag</filter-name><servlet-name>hello</servlet-name></filter-mapping>
                <session-config>
                  <session-timeout>7</session-timeout>
                  <cookie-config><name>SHOPSESSION</name><http-only>true</http-only></cookie-config>
                </session-config>
                <mime-mapping><extension>foo</extension><mime-type>text/x-foo</mime-type></mime-mapping>
                <welcome-file-list><welcome-file>start.html</welcome-file></welcome-file-list>
                <error-page><error-code>404</error-code><location>/missing.html</location></error-page>
                """).file("start.html", "<h1>start</h1>").file("missing.html", "not here").file("a.foo", "foo")
                .pack(dir.resolve("shop.war"));
        try (Http http = new Http(Pronto.server().war(war))) { // the ServiceLoader route; context path from the name
            HttpResponse<String> hello = http.get("/shop/hello/x");
            assertEquals("greeting=hi shop=open listener=ran tccl=true loader=WebAppClassLoader timeout=420",
                    hello.body());
            assertEquals("TagFilter", hello.headers().firstValue("x-tag").orElseThrow());
            assertTrue(hello.headers().firstValue("set-cookie").orElseThrow().startsWith("SHOPSESSION="));
            assertEquals("<h1>start</h1>", http.get("/shop/").body());
            HttpResponse<String> missing = http.get("/shop/nothing-here");
            assertEquals(404, missing.statusCode());
            assertEquals("not here", missing.body());
            assertEquals("text/x-foo", http.get("/shop/a.foo").headers().firstValue("content-type").orElseThrow());
            assertEquals(404, http.get("/shop/WEB-INF/web.xml").statusCode());
            assertEquals(404, http.get("/shop/WEB-INF/classes/shop/HelloServlet.class").statusCode());
        }
    }

    static final String PLUGIN = "package plug; public interface Plugin { }";
    static final String INITIALIZER = """
            package plug;
            import jakarta.servlet.*;
            import jakarta.servlet.annotation.HandlesTypes;
            import jakarta.servlet.http.*;
            import java.util.*;
            @HandlesTypes(Plugin.class)
            public class PluginInitializer implements ServletContainerInitializer {
                @Override public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
                    List<String> names = new ArrayList<>();
                    if (classes != null) { classes.forEach(c -> names.add(c.getName())); }
                    Collections.sort(names);
                    ctx.addServlet("plugins", new HttpServlet() {
                        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp)
                                throws java.io.IOException {
                            resp.getWriter().print(names + " order=" + ctx.getAttribute("order"));
                        }
                    }).addMapping("/plugins");
                }
            }
            """;

    static String orderListener(String pkg) {
        return "package " + pkg + ";\n" + """
                import jakarta.servlet.*;
                public class OrderListener implements ServletContextListener {
                    @Override public void contextInitialized(ServletContextEvent e) {
                        Object before = e.getServletContext().getAttribute("order");
                        e.getServletContext().setAttribute("order", (before == null ? "" : before + ",")
                                + getClass().getPackageName());
                    }
                }
                """;
    }

    static String fragment(String name, String ordering, String body) {
        return "<web-fragment " + TestWar.JAKARTA + "><name>" + name + "</name>" + ordering + body
                + "</web-fragment>";
    }

    /** A WAR whose jars carry fragments (A after B), an initializer and static resources; its classes plugins. */
    TestWar pluginWar(String name) throws Exception {
        return TestWar.in(dir.resolve(name))
                .jar("a.jar", new String[] {orderListener("a")}, "META-INF/web-fragment.xml", fragment("A",
                        "<ordering><after><name>B</name></after></ordering>",
                        "<listener><listener-class>a.OrderListener</listener-class></listener>"))
                .jar("b.jar", new String[] {orderListener("b")}, "META-INF/web-fragment.xml", fragment("B", "",
                        "<listener><listener-class>b.OrderListener</listener-class></listener>"),
                        "META-INF/resources/from-b.txt", "static from b", "META-INF/resources/index.html", "b's index")
                .jar("plug.jar", new String[] {PLUGIN, INITIALIZER},
                        "META-INF/services/jakarta.servlet.ServletContainerInitializer", "plug.PluginInitializer\n")
                .classes("package app; public class First implements plug.Plugin { }",
                        "package app; public abstract class Base implements plug.Plugin { }",
                        "package app; public class Second extends Base { }",
                        "package app; public class Unrelated { }",
                        """
                        package app;
                        @jakarta.servlet.annotation.WebServlet(urlPatterns = "/annotated", initParams =
                                @jakarta.servlet.annotation.WebInitParam(name = "p", value = "v"))
                        public class AnnotatedServlet extends jakarta.servlet.http.HttpServlet {
                            @Override protected void doGet(jakarta.servlet.http.HttpServletRequest req,
                                    jakarta.servlet.http.HttpServletResponse resp) throws java.io.IOException {
                                resp.getWriter().print("annotated p=" + getInitParameter("p"));
                            }
                        }
                        """)
                .file("index.html", "the WAR's own index");
    }

    @Test
    void annotationsInitializersFragmentsInOrderAndJarResources() throws Exception {
        Path war = pluginWar("plugins.war").exploded();
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.of(war, "/p")))) {
            assertEquals("annotated p=v", http.get("/p/annotated").body());
            // @HandlesTypes: subtypes, direct or not, abstract ones too, never the type itself (§8.2.4)
            assertEquals("[app.Base, app.First, app.Second] order=b,a", http.get("/p/plugins").body());
            assertEquals("static from b", http.get("/p/from-b.txt").body());
            assertEquals("the WAR's own index", http.get("/p/index.html").body()); // the WAR root comes first
            assertEquals(404, http.get("/p/META-INF/resources/from-b.txt").statusCode());
        }
    }

    @Test
    void absoluteOrderingLeavesOutTheJarsItDoesNotName() throws Exception {
        Path war = pluginWar("absolute.war").webXml("<absolute-ordering><name>A</name></absolute-ordering>")
                .exploded();
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.of(war, "/")))) {
            assertEquals("annotated p=v", http.get("/annotated").body());
            assertEquals(404, http.get("/plugins").statusCode(), "plug.jar is left out: no initializer");
            assertEquals(404, http.get("/from-b.txt").statusCode(), "b.jar is left out: nor its resources");
        }
    }

    @Test
    void metadataCompleteIgnoresAnnotationsAndFragmentsButNotInitializers() throws Exception {
        Path war = pluginWar("complete.war").webXml("metadata-complete=\"true\"", "").exploded();
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.of(war, "/")))) {
            assertEquals(404, http.get("/annotated").statusCode());
            assertEquals("[app.Base, app.First, app.Second] order=null", http.get("/plugins").body());
        }
    }

    @Test
    void classesComeFromTheApplicationFirstExceptTheContainers() throws Exception {
        Path war = TestWar.in(dir.resolve("loader"))
                .classes("package org.objectweb.asm; public class Opcodes { public static String who() { return \"war\"; } }",
                        """
                        package app;
                        import jakarta.servlet.http.*;
                        import java.io.IOException;
                        @jakarta.servlet.annotation.WebServlet("/who")
                        public class Who extends HttpServlet {
                            @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                                resp.getWriter().print(org.objectweb.asm.Opcodes.who()
                                        + " servlet-api-from-war=" + (HttpServlet.class.getClassLoader() == getClass().getClassLoader())
                                        + " string=" + (String.class.getClassLoader() == null));
                            }
                        }
                        """).exploded();
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.of(war, "/")))) {
            // ASM is on the container's class path too (the deployer uses it): the WAR's own copy wins
            assertEquals("war servlet-api-from-war=false string=true", http.get("/who").body());
        }
    }

    @Test
    void contextPathFromDescriptorElseFileName() throws Exception {
        Path root = TestWar.in(dir.resolve("ROOT")).file("index.html", "root").exploded();
        Path named = TestWar.in(dir.resolve("named")).file("index.html", "named")
                .webXml("<default-context-path>/chosen</default-context-path>").exploded();
        try (Http http = new Http(Pronto.server().war(root).war(named))) {
            assertEquals("root", http.get("/").body());
            assertEquals("named", http.get("/chosen/").body());
        }
        assertEquals("/shop/v2", ContextPaths.fromFileName(Path.of("shop#v2.war")));
        assertEquals("", ContextPaths.fromFileName(Path.of("ROOT.war")));
    }

    @Test
    void aPackedWarIsUnpackedOnceByContentHash() throws Exception {
        Path war = TestWar.in(dir.resolve("build")).file("index.html", "one").pack(dir.resolve("app.war"));
        Path work = dir.resolve("work");
        for (int i = 0; i < 2; i++) {
            try (Http http = new Http(Pronto.server().webapp(WarDeployment.builder(war).workDirectory(work).build()))) {
                assertEquals("one", http.get("/app/").body());
            }
        }
        assertEquals(1, list(work).size());
        TestWar.in(dir.resolve("build")).file("index.html", "two").pack(war);
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.builder(war).workDirectory(work).build()))) {
            assertEquals("two", http.get("/app/").body());
        }
        assertEquals(2, list(work).size());
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void undeployClosesTheClassLoaderAndEveryJar() throws Exception {
        Path war = TestWar.in(dir.resolve("build"))
                .jar("lib.jar", new String[] {"package lib; public class Helper { public static String hi() { return \"hi\"; } }"},
                        "lib/data.txt", "data in a jar")
                .classes("""
                        package app;
                        import jakarta.servlet.http.*;
                        import java.io.*;
                        @jakarta.servlet.annotation.WebServlet("/use")
                        public class Use extends HttpServlet {
                            @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                                try (InputStream in = getClass().getClassLoader().getResource("lib/data.txt").openStream()) {
                                    resp.getWriter().print(lib.Helper.hi() + " " + new String(in.readAllBytes()));
                                }
                            }
                        }
                        """).pack(dir.resolve("closing.war"));
        Path work = dir.resolve("work");
        Http http = new Http(Pronto.server().webapp(WarDeployment.builder(war).workDirectory(work).build()));
        ClassLoader loader = http.server.applications().get(0).classLoader();
        try {
            assertEquals("hi data in a jar", http.get("/closing/use").body());
            assertTrue(openFilesUnder(work) > 0, "lib.jar is open while deployed");
        } finally {
            http.close();
        }
        assertEquals(0, openFilesUnder(work), "no jar of the WAR is open after undeploy");
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("lib.NeverLoaded"));
    }

    /** Files this process has open under {@code dir} (Linux: /proc/self/fd). */
    static long openFilesUnder(Path dir) throws Exception {
        Path real = dir.toRealPath();
        long count = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).startsWith(real)) {
                        count++;
                    }
                } catch (java.io.IOException e) {
                    // closed meanwhile
                }
            }
        }
        return count;
    }
}
