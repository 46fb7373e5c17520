package dev.pronto.servlet.async;

import static dev.pronto.servlet.async.AsyncServlets.async;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Async timeouts (Servlet 6.1 §2.3.3.3, AsyncContext): onTimeout, then an error dispatch with status 500 unless a
 * listener completed or dispatched, then complete. Timeouts are short; nothing asserts how long anything took.
 */
class AsyncTimeoutTest {

    @Test
    void timeoutWithoutAnErrorPageGivesTheDefault500Page() throws Exception {
        Waiting servlet = new Waiting(Reaction.NONE, -1);
        try (ServletTestServer s = ServletTestServer.start(app -> {
            app.asyncTimeout(Duration.ofMillis(200));
            async(app, "/wait", servlet);
        })) {
            Response r = s.rawGet("/wait");
            assertEquals(500, r.status());
            assertTrue(r.body().contains("500 Internal Server Error"), r.body());
            assertTrue(servlet.completed.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("onTimeout", "onComplete"), servlet.events);
            assertEquals(200, servlet.timeout, "the application's default timeout");
        }
    }

    @Test
    void setTimeoutOverridesTheApplicationDefault() throws Exception {
        Waiting servlet = new Waiting(Reaction.NONE, 100);
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/wait", servlet))) {
            assertEquals(500, s.rawGet("/wait").status());
            assertEquals(30_000, servlet.timeout, "the container's default before setTimeout");
        }
    }

    @Test
    void timeoutDispatchesToTheErrorPageMappedFor500() throws Exception {
        Waiting servlet = new Waiting(Reaction.NONE, 100);
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/wait", servlet);
            app.servlet("/error", new ErrorPage());
            app.errorPage(500, "/error");
        })) {
            Response r = s.rawGet("/wait");
            assertEquals(500, r.status());
            assertEquals("ERROR dispatch: 500 for /wait", r.body());
            assertTrue(servlet.completed.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("onTimeout", "onComplete"), servlet.events);
        }
    }

    @Test
    void aListenerThatCompletesInOnTimeoutPreventsTheErrorDispatch() throws Exception {
        Waiting servlet = new Waiting(Reaction.COMPLETE, 100);
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/wait", servlet))) {
            Response r = s.rawGet("/wait");
            assertEquals(200, r.status());
            assertEquals("handled in onTimeout", r.body());
        }
    }

    @Test
    void aListenerThatDispatchesInOnTimeoutPreventsTheErrorDispatch() throws Exception {
        Waiting servlet = new Waiting(Reaction.DISPATCH, 100);
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/wait", servlet);
            app.servlet("/fallback", new Fallback());
        })) {
            Response r = s.rawGet("/wait");
            assertEquals(200, r.status());
            assertEquals("fallback ASYNC", r.body());
            assertTrue(servlet.completed.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("onTimeout", "onComplete"), servlet.events);
        }
    }

    // ---- servlets ------------------------------------------------------------------------------------------------

    enum Reaction { NONE, COMPLETE, DISPATCH }

    /** Starts async and never completes; its listener reacts to the timeout as told. */
    static final class Waiting extends HttpServlet {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);
        private final Reaction reaction;
        private final long setTimeout;
        volatile long timeout;

        Waiting(Reaction reaction, long setTimeout) {
            this.reaction = reaction;
            this.setTimeout = setTimeout;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ac = req.startAsync();
            timeout = ac.getTimeout();
            if (setTimeout > 0) {
                ac.setTimeout(setTimeout);
            }
            ac.addListener(new AsyncListener() {
                @Override
                public void onTimeout(AsyncEvent event) throws IOException {
                    events.add("onTimeout");
                    if (reaction == Reaction.COMPLETE) {
                        event.getAsyncContext().getResponse().getWriter().print("handled in onTimeout");
                        event.getAsyncContext().complete();
                    } else if (reaction == Reaction.DISPATCH) {
                        event.getAsyncContext().dispatch("/fallback");
                    }
                }

                @Override
                public void onComplete(AsyncEvent event) {
                    events.add("onComplete");
                    completed.countDown();
                }

                @Override
                public void onError(AsyncEvent event) {
                    events.add("onError");
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    events.add("onStartAsync");
                }
            });
        }
    }

    static final class ErrorPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(req.getDispatcherType() + " dispatch: "
                    + req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) + " for "
                    + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        }
    }

    static final class Fallback extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("fallback " + req.getDispatcherType());
        }
    }
}
