package dev.pronto.servlet.async;

import static dev.pronto.servlet.async.AsyncServlets.async;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client that goes away while its request is async gets the listeners' onError, then the request completes. */
class AsyncDisconnectTest {

    @Test
    void clientDisconnectDuringAsyncGivesOnErrorThenComplete() throws Exception {
        Abandoned servlet = new Abandoned();
        CountDownLatch destroyed = new CountDownLatch(1);
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/abandoned", servlet);
            app.listener(new ServletRequestListener() {
                @Override
                public void requestDestroyed(ServletRequestEvent sre) {
                    servlet.events.add("requestDestroyed");
                    destroyed.countDown();
                }
            });
        })) {
            try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
                c.send("GET /abandoned HTTP/1.1\r\nHost: t\r\n\r\n");
                assertTrue(servlet.started.await(10, TimeUnit.SECONDS));
            }
            assertTrue(destroyed.await(10, TimeUnit.SECONDS), "the request ended");
            assertEquals(List.of("onError", "onComplete", "requestDestroyed"), servlet.events);
            assertInstanceOf(IOException.class, servlet.error);
            s.awaitIdle();
            assertEquals(0, s.server().activeRequests());
        }
    }

    /** Starts async with the default (long) timeout and waits for a completion that never comes. */
    static final class Abandoned extends HttpServlet {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        volatile Throwable error;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ac = req.startAsync();
            ac.addListener(new AsyncListener() {
                @Override
                public void onError(AsyncEvent event) {
                    error = event.getThrowable();
                    events.add("onError");
                }

                @Override
                public void onComplete(AsyncEvent event) {
                    events.add("onComplete");
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    events.add("onTimeout");
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
            started.countDown();
        }
    }
}
