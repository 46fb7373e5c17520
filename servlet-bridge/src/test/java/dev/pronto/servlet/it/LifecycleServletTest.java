package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application life cycle and {@code ServletContext}: initializers → listeners → filters → load-on-startup
 * servlets, the reverse on destroy; annotations, dynamic registration, resources and attributes.
 */
class LifecycleServletTest {

    static final List<String> events = new CopyOnWriteArrayList<>();

    /** A marker interface an initializer asks for. */
    interface Plugin {
    }

    /** A class the initializer should receive. */
    static final class PluginA implements Plugin {
    }

    /** Registers a servlet programmatically and records the classes it was handed. */
    @HandlesTypes(Plugin.class)
    static final class Initializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
            events.add("initializer:" + (classes == null ? 0 : classes.size()));
            ctx.addServlet("dynamic", new NamedServlet("dynamic")).addMapping("/dynamic");
            ctx.setInitParameter("from", "initializer");
        }
    }

    /** Records context events. */
    @WebListener
    public static final class ContextListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            events.add("contextInitialized");
            sce.getServletContext().setAttribute("started", true);
        }

        @Override
        public void contextDestroyed(ServletContextEvent sce) {
            events.add("contextDestroyed");
        }
    }

    /** Records filter life cycle. */
    @WebFilter(urlPatterns = "/*", initParams = @WebInitParam(name = "tag", value = "f"))
    public static final class RecordingFilter implements Filter {
        @Override
        public void init(FilterConfig config) {
            events.add("filter.init:" + config.getInitParameter("tag"));
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, jakarta.servlet.ServletException {
            ((HttpServletResponse) res).setHeader("X-Filtered", "yes");
            chain.doFilter(req, res);
        }

        @Override
        public void destroy() {
            events.add("filter.destroy");
        }
    }

    /** A load-on-startup servlet declared by annotation. */
    @WebServlet(urlPatterns = "/annotated", loadOnStartup = 1, initParams = @WebInitParam(name = "p", value = "v"))
    public static final class AnnotatedServlet extends HttpServlet {
        @Override
        public void init() {
            events.add("servlet.init:" + getInitParameter("p"));
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ServletContext ctx = getServletContext();
            resp.getWriter().print(ctx.getInitParameter("from") + "|" + ctx.getAttribute("started") + "|"
                    + ctx.getMimeType("a.css") + "|" + ctx.getMajorVersion() + "." + ctx.getMinorVersion() + "|"
                    + ctx.getResourcePaths("/") + "|" + new String(ctx.getResourceAsStream("/hello.txt").readAllBytes()));
        }

        @Override
        public void destroy() {
            events.add("servlet.destroy");
        }
    }

    /** Says its name. */
    static final class NamedServlet extends HttpServlet {
        private final String name;

        NamedServlet(String name) {
            this.name = name;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(name);
        }
    }

    @Test
    void lifeCycleOrderAnnotationsAndContext(@TempDir Path base) throws Exception {
        events.clear();
        Files.writeString(base.resolve("hello.txt"), "hi");
        Files.createDirectory(base.resolve("css"));
        ProntoServer server = Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app -> app.annotated(ContextListener.class, RecordingFilter.class, AnnotatedServlet.class,
                                PluginA.class)
                        .initializer(new Initializer())
                        .resources(base)
                        .discoverInitializers(false))
                .build();
        server.start();
        assertEquals(List.of("initializer:1", "contextInitialized", "filter.init:f", "servlet.init:v"), events);
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/annotated")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("initializer|true|text/css|6.1|[/css/, /hello.txt]|hi", response.body());
        assertEquals("yes", response.headers().firstValue("x-filtered").orElseThrow());
        var dynamic = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/dynamic")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("dynamic", dynamic.body());

        ServletContext ctx = server.applications().get(0).context();
        assertThrows(IllegalStateException.class, () -> ctx.addServlet("late", new NamedServlet("late")),
                "no registration once initialised");
        assertNotNull(ctx.getServletRegistration("dynamic"));
        assertNull(ctx.getResource("/missing.txt"));
        assertNull(ctx.getResource("/../etc/passwd"), "resources never escape the base");

        events.clear();
        server.destroy();
        assertEquals(List.of("servlet.destroy", "filter.destroy", "contextDestroyed"), events);
    }

    @Test
    void stopKeepsTheApplicationAndStartServesAgain() throws Exception {
        events.clear();
        ProntoServer server = Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app -> app.listener(new ContextListener()).servlet("/n", new NamedServlet("n"))
                        .discoverInitializers(false))
                .start();
        server.stop(java.time.Duration.ofSeconds(1));
        assertTrue(!events.contains("contextDestroyed"), "stop is not destroy");
        server.start();
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/n")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("n", response.body());
        server.destroy();
        assertEquals(List.of("contextInitialized", "contextDestroyed"), events);
    }
}
