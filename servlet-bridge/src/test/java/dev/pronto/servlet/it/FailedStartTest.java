package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.Transport;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A start-up that fails, at whatever step, releases everything (issue 9, defect 6): the port can be bound again by a
 * plain socket, no Pronto thread is left, the applications are destroyed and the server cannot be started again.
 */
class FailedStartTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

    @ParameterizedTest(name = "{0}, {1} I/O threads")
    @CsvSource({"EPOLL, 1", "EPOLL, 2", "NIO, 1", "NIO, 2"})
    void loadOnStartupServletThatThrowsReleasesThePortAndTheThreads(Transport transport, int ioThreads)
            throws Exception {
        AtomicReference<ProntoServer> self = new AtomicReference<>();
        AtomicInteger boundPort = new AtomicInteger();
        HttpServlet failing = new HttpServlet() {
            @Override
            public void init(ServletConfig config) throws ServletException {
                // start() binds before load-on-startup servlets; the same thread may read the port back
                boundPort.set(self.get().port());
                throw new ServletException("init failed on purpose");
            }
        };
        ProntoServer server = Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(ioThreads).transport(transport))
                .webapp(app -> app.listener(new RecordingListener(events))
                        .servlet("failing", failing, reg -> {
                            reg.addMapping("/x");
                            reg.setLoadOnStartup(1);
                        }))
                .build();
        self.set(server);

        ServletException e = assertThrows(ServletException.class, server::start);
        assertEquals("init failed on purpose", e.getMessage());

        assertTrue(boundPort.get() > 0, "the port was bound before the servlet failed");
        assertPortFree(boundPort.get());
        assertNoProntoThreadLeft();
        assertEquals(List.of("contextInitialized", "contextDestroyed"), events);
        assertThrows(IllegalStateException.class, server::start, "a failed server is destroyed");
    }

    @Test
    void filterInitThatThrowsReleasesEverything() {
        Filter failing = new Filter() {
            @Override
            public void init(FilterConfig config) throws ServletException {
                throw new ServletException("filter init failed");
            }

            @Override
            public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) {
            }
        };
        assertStartFails(ServletException.class, app -> app.listener(new RecordingListener(events))
                .filter("/*", failing).servlet("/x", new HttpServlet() { }));
        assertEquals(List.of("contextInitialized", "contextDestroyed"), events);
    }

    @Test
    void listenerThatThrowsReleasesEverything() {
        ServletContextListener failing = new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent sce) {
                throw new IllegalStateException("listener failed");
            }
        };
        assertStartFails(IllegalStateException.class, app -> app.listener(new RecordingListener(events))
                .listener(failing));
        assertEquals(List.of("contextInitialized", "contextDestroyed"), events);
    }

    @Test
    void initializerThatThrowsReleasesEverything() {
        assertStartFails(ServletException.class, app -> app.initializer((classes, context) -> {
            throw new ServletException("initializer failed");
        }));
    }

    @ParameterizedTest(name = "{0}, {1} I/O threads")
    @CsvSource({"EPOLL, 1", "EPOLL, 2", "NIO, 1", "NIO, 2"})
    void portTakenReleasesTheEventLoopsAndDestroysTheApplication(Transport transport, int ioThreads)
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProntoServer server = Pronto.server()
                    .config(c -> c.port(taken.getLocalPort()).host("127.0.0.1").ioThreads(ioThreads)
                            .transport(transport))
                    .webapp(app -> app.listener(new RecordingListener(events)).servlet("/x", new HttpServlet() { }))
                    .build();
            assertThrows(BindException.class, server::start);
            assertNoProntoThreadLeft();
            assertEquals(List.of("contextInitialized", "contextDestroyed"), events);
        }
    }

    private void assertStartFails(Class<? extends Exception> expected,
                                  Consumer<dev.pronto.servlet.WebAppBuilder> app) {
        ProntoServer server = Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1)).webapp(app)
                .build();
        assertThrows(expected, server::start);
        assertNoProntoThreadLeft();
        assertThrows(IllegalStateException.class, server::start, "a failed server is destroyed");
    }

    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false); // without SO_REUSEPORT: fails while any Pronto socket still listens
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }

    /** Every Pronto thread started by this test has ended (joined with a bound, so a leak fails, never hangs). */
    private void assertNoProntoThreadLeft() {
        List<String> alive = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (threadsBefore.contains(thread) || !thread.getName().startsWith("pronto-")) {
                continue;
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                alive.add(thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
            }
        }
        assertTrue(alive.isEmpty(), () -> "threads left after a failed start: " + alive);
    }

    /** Records context events in order. */
    private record RecordingListener(List<String> events) implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            events.add("contextInitialized");
        }

        @Override
        public void contextDestroyed(ServletContextEvent sce) {
            events.add("contextDestroyed");
        }
    }
}
