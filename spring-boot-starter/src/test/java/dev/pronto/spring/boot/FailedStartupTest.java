package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Boot application whose start-up fails leaves no live server behind (issue 9, defect 6): {@code
 * SpringApplication.run} throws, the port can be bound again and no Pronto thread keeps the JVM alive.
 */
class FailedStartupTest {

    /** The port the failing servlet saw bound; static because Boot instantiates the configuration. */
    static final AtomicInteger boundPort = new AtomicInteger();

    private final Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

    private static void run(Class<?> app) {
        SpringApplication application = new SpringApplication(app);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "server.pronto.io-threads", "2", "server.address", "127.0.0.1"));
        application.run().close();
    }

    @Test
    void loadOnStartupServletThatThrowsFailsTheRunAndReleasesThePort() throws Exception {
        boundPort.set(0);
        Exception e = assertThrows(Exception.class, () -> run(FailingServletApp.class));
        assertTrue(causedBy(e, "servlet init failed on purpose"), e::toString);
        assertTrue(boundPort.get() > 0, "the port was bound before the servlet failed");
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), boundPort.get()));
        }
        assertNoProntoThreadLeft();
    }

    @Test
    void filterThatThrowsFailsTheRunAndLeavesNoThread() {
        Exception e = assertThrows(Exception.class, () -> run(FailingFilterApp.class));
        assertTrue(causedBy(e, "filter init failed on purpose"), e::toString);
        assertNoProntoThreadLeft();
    }

    private static boolean causedBy(Throwable e, String message) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (message.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private void assertNoProntoThreadLeft() {
        List<String> alive = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (threadsBefore.contains(thread) || !thread.getName().startsWith("pronto-")) {
                continue;
            }
            try {
                thread.join(10_000); // bounded: a leaked thread fails the test instead of hanging it
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                alive.add(thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
            }
        }
        assertTrue(alive.isEmpty(), () -> "threads left after a failed start: " + alive);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class FailingServletApp {
        @Bean
        ServletRegistrationBean<HttpServlet> failing(ApplicationContext context) {
            HttpServlet servlet = new HttpServlet() {
                @Override
                public void init(ServletConfig config) throws ServletException {
                    // runs inside WebServer.start(), on the thread that holds the server: it may read the port
                    ProntoWebServer webServer = (ProntoWebServer)
                            ((ServletWebServerApplicationContext) context).getWebServer();
                    boundPort.set(webServer.getProntoServer().port());
                    throw new ServletException("servlet init failed on purpose");
                }
            };
            ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, "/failing");
            registration.setLoadOnStartup(1);
            return registration;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class FailingFilterApp {
        @Bean
        FilterRegistrationBean<Filter> failing() {
            return new FilterRegistrationBean<>(new Filter() {
                @Override
                public void init(FilterConfig config) throws ServletException {
                    throw new ServletException("filter init failed on purpose");
                }

                @Override
                public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                        throws IOException, ServletException {
                    chain.doFilter(req, res);
                }
            });
        }
    }
}
