package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Boot's expectations of a web server's life: initialise in getWebServer, bind on start, restart, destroy. */
class LifecycleTest extends FactoryTestSupport {

    @Test
    void startedServerServesRequestsOnItsPort() throws Exception {
        start(servlet("/hello", new TestServlets.Text("hello")));
        assertTrue(webServer.getPort() > 0);
        var response = get("/hello");
        assertEquals(200, response.statusCode());
        assertEquals("hello", response.body());
    }

    @Test
    void initializersRunInsideGetWebServerAndNothingIsBoundBeforeStart() {
        AtomicBoolean ran = new AtomicBoolean();
        create(context -> ran.set(true));
        assertTrue(ran.get(), "Boot registers its servlets during getWebServer()");
        assertEquals(-1, webServer.getPort());
    }

    @Test
    void loadOnStartupServletsStartAfterTheConnectorIsBound() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        factory.setPort(port);
        AtomicBoolean boundWhenInitialised = new AtomicBoolean();
        TestServlets.InitCounting servlet = new TestServlets.InitCounting() {
            @Override
            public void init(ServletConfig config) throws ServletException {
                super.init(config);
                try (Socket socket = new Socket("localhost", port)) {
                    boundWhenInitialised.set(socket.isConnected());
                } catch (IOException e) {
                    boundWhenInitialised.set(false);
                }
            }
        };
        create(servlet("/init", servlet, reg -> reg.setLoadOnStartup(1)));
        assertEquals(0, servlet.inits.get(), "load-on-startup servlets wait for start()");
        webServer.start();
        assertEquals(1, servlet.inits.get());
        assertTrue(boundWhenInitialised.get(), "Tomcat and Jetty bind before initialising load-on-startup servlets");
    }

    @Test
    void stopKeepsTheApplicationAndStartServesAgain() throws Exception {
        RecordingListener listener = new RecordingListener();
        TestServlets.InitCounting servlet = new TestServlets.InitCounting();
        start(context -> context.addListener(listener), servlet("/count", servlet, reg -> reg.setLoadOnStartup(1)));
        int firstPort = webServer.getPort();
        assertEquals("inits=1", get("/count").body());

        webServer.stop();
        assertEquals(-1, webServer.getPort());
        assertEquals(0, listener.destroyed.get(), "stop() must not destroy the servlet context");
        assertThrows(ConnectException.class, () -> new Socket("localhost", firstPort).close());

        webServer.start();
        assertTrue(webServer.getPort() > 0);
        assertEquals("inits=1", get("/count").body(), "a restart does not initialise servlets again");
        assertEquals(1, listener.initialized.get());
    }

    @Test
    void destroyStopsAndDestroysTheContext() throws Exception {
        RecordingListener listener = new RecordingListener();
        start(context -> context.addListener(listener), servlet("/hello", new TestServlets.Text("hi")));
        int port = webServer.getPort();
        webServer.destroy();
        webServer = null;
        assertEquals(1, listener.destroyed.get());
        assertThrows(ConnectException.class, () -> new Socket("localhost", port).close());
    }

    @Test
    void portMinusOneRunsTheApplicationWithoutAConnector() {
        factory.setPort(-1);
        TestServlets.InitCounting servlet = new TestServlets.InitCounting();
        start(servlet("/init", servlet, reg -> reg.setLoadOnStartup(1)));
        assertEquals(-1, webServer.getPort());
        assertEquals(1, servlet.inits.get());
    }

    @Test
    void startIsLoggedWithPortAndContextPath() {
        Logger logger = (Logger) LoggerFactory.getLogger(ProntoWebServer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            factory.setContextPath("/shop");
            start(servlet("/x", new HttpServlet() { }));
            String expected = "Pronto started on port " + webServer.getPort() + " (http) with context path '/shop'";
            assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().equals(expected)),
                    () -> "missing '" + expected + "' in " + appender.list);
        } finally {
            logger.detachAppender(appender);
        }
    }

    /** Counts context events. */
    static final class RecordingListener implements ServletContextListener {
        final AtomicInteger initialized = new AtomicInteger();
        final AtomicInteger destroyed = new AtomicInteger();

        @Override
        public void contextInitialized(ServletContextEvent sce) {
            initialized.incrementAndGet();
        }

        @Override
        public void contextDestroyed(ServletContextEvent sce) {
            destroyed.incrementAndGet();
        }
    }
}
