package dev.pronto.servlet.it;

import dev.pronto.servlet.ServletTestServer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every call into an application runs with the application's class loader as the thread context class loader
 * (Servlet 6.1 §10.7.2): request listeners (initialized and destroyed), the context attribute listeners they
 * trigger, the servlet, and an error page. Libraries keyed by that loader (logging, the TCK's own log) depend on it.
 */
class ApplicationClassLoaderServletTest {

    static final ClassLoader APP_LOADER = new URLClassLoader("app", new URL[0],
            ApplicationClassLoaderServletTest.class.getClassLoader());
    static final List<String> seen = new CopyOnWriteArrayList<>();

    private static String loader() {
        return Thread.currentThread().getContextClassLoader() == APP_LOADER ? "app" : "other";
    }

    /** Sets a context attribute from the request listener, as applications counting requests do. */
    static final class Listener implements ServletRequestListener, ServletContextAttributeListener {
        @Override
        public void requestInitialized(ServletRequestEvent event) {
            seen.add("initialized:" + loader());
            event.getServletContext().setAttribute("requests", "1");
        }

        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            seen.add("destroyed:" + loader());
            event.getServletContext().removeAttribute("requests");
        }

        @Override
        public void attributeAdded(ServletContextAttributeEvent event) {
            seen.add("added:" + loader());
        }

        @Override
        public void attributeRemoved(ServletContextAttributeEvent event) {
            seen.add("removed:" + loader());
        }
    }

    static final class Servlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            seen.add("servlet:" + loader());
            if (req.getPathInfo().equals("/fail")) {
                resp.sendError(409);
            }
        }
    }

    static final class ErrorServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            seen.add("error-page:" + loader());
            resp.getWriter().print("error page");
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app.classLoader(APP_LOADER).listener(new Listener())
                .servlet("/s/*", new Servlet()).servlet("/error", new ErrorServlet()).errorPage(409, "/error"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void get(String path) throws Exception {
        seen.clear();
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
            c.read();
        }
        // requestDestroyed may follow the response on the wire
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.contains("removed:app") && !seen.contains("removed:other") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void requestListenersAndWhatTheyTriggerSeeTheApplicationsLoader() throws Exception {
        get("/s/ok");
        assertEquals(List.of("initialized:app", "added:app", "servlet:app", "destroyed:app", "removed:app"), seen);
    }

    @Test
    void errorPagesSeeTheApplicationsLoader() throws Exception {
        get("/s/fail");
        assertEquals(List.of("initialized:app", "added:app", "servlet:app", "error-page:app", "destroyed:app",
                "removed:app"), seen);
    }
}
