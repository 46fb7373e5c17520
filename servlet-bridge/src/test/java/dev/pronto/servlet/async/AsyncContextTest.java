package dev.pronto.servlet.async;

import static dev.pronto.servlet.async.AsyncServlets.async;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AsyncContext over real sockets (Servlet 6.1 §2.3.3.3): complete, dispatch, deferral, listeners, start, errors. */
class AsyncContextTest {

    // ---- complete ---------------------------------------------------------------------------------------------

    @Test
    void completeFromAnotherThreadEndsTheResponse() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/c", new CompleteLater()))) {
            Response r = s.rawGet("/c");
            assertEquals(200, r.status());
            assertEquals("written on another thread", r.body());
        }
    }

    @Test
    void completeBeforeTheDispatchReturnsIsDeferredUntilItDoes() throws Exception {
        CompleteEarly servlet = new CompleteEarly();
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/c", servlet))) {
            Response r = s.rawGet("/c");
            assertEquals("before;after", r.body(), "output after complete() but before return is still sent");
            assertTrue(servlet.startedAfterComplete, "a deferred complete() has not taken effect yet");
        }
    }

    // ---- dispatch ---------------------------------------------------------------------------------------------

    @Test
    void dispatchWithoutPathGoesBackToTheRequestUriAndTheContainerCompletes() throws Exception {
        Dispatching servlet = new Dispatching();
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/start/*", servlet))) {
            Response r = s.rawGet("/start/one?y=1");
            assertEquals(200, r.status());
            assertEquals("ASYNC /start/one y=[1] from=/start/one", r.body());
            assertTrue(servlet.completed.await(10, TimeUnit.SECONDS), "onComplete after the ASYNC dispatch returned");
        }
    }

    @Test
    void dispatchToAPathSeesTheOriginalRequestInTheAsyncAttributes() throws Exception {
        Dispatching servlet = new Dispatching();
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/start/*", servlet);
            app.servlet("/target", new Target());
        })) {
            Response r = s.rawGet("/start/path?y=1");
            assertEquals(200, r.status());
            assertEquals("ASYNC /target x=2 y=1 from=/start/path?y=1 servletPath=/start", r.body());
            assertTrue(servlet.completed.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void dispatchToAContextAndPath() throws Exception {
        Dispatching servlet = new Dispatching();
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/start/*", servlet);
            app.servlet("/target", new Target());
        })) {
            Response r = s.rawGet("/start/context");
            assertEquals("ASYNC /target x=2 y=null from=/start/context?null servletPath=/start", r.body());
        }
    }

    @Test
    void dispatchBeforeTheDispatchReturnsRunsAfterIt() throws Exception {
        EarlyDispatch servlet = new EarlyDispatch();
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/e", servlet))) {
            Response r = s.rawGet("/e");
            assertEquals("async dispatch", r.body());
            assertEquals(List.of("dispatch() called", "REQUEST still async: true", "REQUEST returns", "ASYNC runs"),
                    servlet.events);
        }
    }

    @Test
    void dispatchAfterAForwardFollowsHowAsyncWasStarted() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/url/A", new ForwardToB());
            async(app, "/url/B", new StartInB());
        })) {
            // §2.3.3.3 examples: startAsync() returns to the original URI, startAsync(req, res) to the forward's target
            assertEquals("ASYNC at A", s.rawGet("/url/A").body());
            assertEquals("ASYNC at B", s.rawGet("/url/A?explicit=true").body());
        }
    }

    // ---- listeners --------------------------------------------------------------------------------------------

    @Test
    void listenerEventsComeInLifeCycleOrderAndRequestDestroyedLast() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch destroyed = new CountDownLatch(1);
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/cycles", new TwoCycles(events));
            app.listener(new RequestEvents(events, destroyed));
        })) {
            assertEquals("second cycle", s.rawGet("/cycles").body());
            assertTrue(destroyed.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("requestInitialized", "onStartAsync", "onComplete", "requestDestroyed"), events);
        }
    }

    @Test
    void exceptionAfterStartAsyncReachesOnErrorThenTheErrorPage() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Throwing servlet = new Throwing(events);
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/boom", servlet))) {
            Response r = s.rawGet("/boom");
            assertEquals(500, r.status());
            assertTrue(r.body().contains("500 Internal Server Error"), r.body());
            assertTrue(servlet.completed.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("onError boom", "onComplete"), events);
        }
    }

    // ---- start, and what is illegal -----------------------------------------------------------------------------

    @Test
    void startRunsTheTaskOnAWorkerThread() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/start", new Starting()))) {
            String thread = s.rawGet("/start").body();
            assertTrue(thread.startsWith("pronto-worker-") || thread.startsWith("pronto-vt-"), thread);
        }
    }

    @Test
    void startAsyncOnAServletWithoutAsyncSupportIsIllegalAndGives500() throws Exception {
        NotAsync servlet = new NotAsync();
        try (ServletTestServer s = ServletTestServer.start(app -> app.servlet("/sync", servlet))) {
            assertEquals(500, s.rawGet("/sync").status());
            assertInstanceOf(IllegalStateException.class, servlet.thrown);
            assertFalse(servlet.supported);
        }
    }

    @Test
    void startAsyncTwiceInOneDispatchAndGetAsyncContextBeforeStartAreIllegal() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/twice", new StartTwice()))) {
            assertEquals("before start: ISE; second start: ISE", s.rawGet("/twice").body());
        }
    }

    @Test
    void aForwardToAServletWithoutAsyncSupportNarrowsItForTheForwardOnly() throws Exception {
        Inner inner = new Inner();
        Outer outer = new Outer();
        try (ServletTestServer s = ServletTestServer.start(app -> {
            async(app, "/outer", outer);
            app.servlet("/inner", inner);
        })) {
            assertEquals("inner", s.rawGet("/outer").body());
            assertFalse(inner.supported);
            assertInstanceOf(IllegalStateException.class, inner.thrown);
            assertTrue(outer.returned.await(10, TimeUnit.SECONDS), "the forward completed the response already");
            assertTrue(outer.supportedAfterForward);
        }
    }

    // ---- servlets -----------------------------------------------------------------------------------------------

    static final class CompleteLater extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ac = req.startAsync();
            new Thread(() -> {
                write(ac, "written on another thread");
                ac.complete();
            }).start();
        }
    }

    static final class CompleteEarly extends HttpServlet {
        volatile boolean startedAfterComplete;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("before;");
            AsyncContext ac = req.startAsync();
            CountDownLatch called = new CountDownLatch(1);
            new Thread(() -> {
                ac.complete();
                called.countDown();
            }).start();
            await(called);
            startedAfterComplete = req.isAsyncStarted();
            resp.getWriter().print("after");
        }
    }

    /** {@code /start/one}: dispatch(); {@code /start/path}: dispatch(path); {@code /start/context}: dispatch(ctx, path). */
    static final class Dispatching extends HttpServlet {
        final CountDownLatch completed = new CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getDispatcherType() == DispatcherType.ASYNC) {
                resp.getWriter().print("ASYNC " + req.getRequestURI() + " y=" + List.of(req.getParameterValues("y"))
                        + " from=" + req.getAttribute(AsyncContext.ASYNC_REQUEST_URI));
                return;
            }
            AsyncContext ac = req.startAsync();
            ac.addListener(new Completion(completed));
            String mode = req.getPathInfo();
            new Thread(() -> {
                switch (mode) {
                    case "/path" -> ac.dispatch("/target?x=2");
                    case "/context" -> ac.dispatch(req.getServletContext(), "/target?x=2");
                    default -> ac.dispatch();
                }
            }).start();
        }
    }

    static final class Target extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(req.getDispatcherType() + " " + req.getRequestURI() + " x=" + req.getParameter("x")
                    + " y=" + req.getParameter("y") + " from=" + req.getAttribute(AsyncContext.ASYNC_REQUEST_URI) + '?'
                    + req.getAttribute(AsyncContext.ASYNC_QUERY_STRING) + " servletPath="
                    + req.getAttribute(AsyncContext.ASYNC_SERVLET_PATH));
        }
    }

    static final class EarlyDispatch extends HttpServlet {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getDispatcherType() == DispatcherType.ASYNC) {
                events.add("ASYNC runs");
                resp.getWriter().print("async dispatch");
                return;
            }
            AsyncContext ac = req.startAsync();
            CountDownLatch called = new CountDownLatch(1);
            new Thread(() -> {
                ac.dispatch();
                events.add("dispatch() called");
                called.countDown();
            }).start();
            await(called);
            events.add("REQUEST still async: " + req.isAsyncStarted());
            events.add("REQUEST returns");
        }
    }

    static final class ForwardToB extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            if (req.getDispatcherType() == DispatcherType.ASYNC) {
                resp.getWriter().print("ASYNC at A");
                return;
            }
            req.getRequestDispatcher("/url/B").forward(req, resp);
        }
    }

    static final class StartInB extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getDispatcherType() == DispatcherType.ASYNC) {
                resp.getWriter().print("ASYNC at B");
                return;
            }
            AsyncContext ac = req.getParameter("explicit") != null ? req.startAsync(req, resp) : req.startAsync();
            new Thread(ac::dispatch).start();
        }
    }

    static final class TwoCycles extends HttpServlet {
        private final List<String> events;

        TwoCycles(List<String> events) {
            this.events = events;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            if (req.getDispatcherType() == DispatcherType.REQUEST) {
                AsyncContext ac = req.startAsync();
                ac.addListener(new Recorder(events));
                new Thread(ac::dispatch).start();
                return;
            }
            AsyncContext ac = req.startAsync(); // the Recorder hears onStartAsync and registers again
            new Thread(() -> {
                write(ac, "second cycle");
                ac.complete();
            }).start();
        }
    }

    static final class Throwing extends HttpServlet {
        final CountDownLatch completed = new CountDownLatch(1);
        private final List<String> events;

        Throwing(List<String> events) {
            this.events = events;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException {
            AsyncContext ac = req.startAsync();
            ac.addListener(new Recorder(events));
            ac.addListener(new Completion(completed));
            throw new ServletException("boom");
        }
    }

    static final class Starting extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ac = req.startAsync();
            ac.start(() -> {
                write(ac, Thread.currentThread().getName());
                ac.complete();
            });
        }
    }

    static final class NotAsync extends HttpServlet {
        volatile Throwable thrown;
        volatile boolean supported = true;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            supported = req.isAsyncSupported();
            try {
                req.startAsync();
            } catch (IllegalStateException e) {
                thrown = e;
                throw e;
            }
        }
    }

    static final class StartTwice extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String before = "none";
            try {
                req.getAsyncContext();
            } catch (IllegalStateException e) {
                before = "ISE";
            }
            AsyncContext ac = req.startAsync();
            String second = "none";
            try {
                req.startAsync();
            } catch (IllegalStateException e) {
                second = "ISE";
            }
            resp.getWriter().print("before start: " + before + "; second start: " + second);
            ac.complete();
        }
    }

    static final class Outer extends HttpServlet {
        final CountDownLatch returned = new CountDownLatch(1);
        volatile boolean supportedAfterForward;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            req.getRequestDispatcher("/inner").forward(req, resp);
            supportedAfterForward = req.isAsyncSupported();
            returned.countDown();
        }
    }

    static final class Inner extends HttpServlet {
        volatile boolean supported = true;
        volatile Throwable thrown;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            supported = req.isAsyncSupported();
            try {
                req.startAsync();
            } catch (IllegalStateException e) {
                thrown = e;
            }
            resp.getWriter().print("inner");
        }
    }

    // ---- listeners and helpers ---------------------------------------------------------------------------------------

    /** Records AsyncListener events; registers itself again for a new cycle. */
    static final class Recorder implements AsyncListener {
        private final List<String> events;

        Recorder(List<String> events) {
            this.events = events;
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            events.add("onStartAsync");
            event.getAsyncContext().addListener(this);
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
        public void onError(AsyncEvent event) {
            events.add("onError " + event.getThrowable().getMessage());
        }
    }

    static final class Completion implements AsyncListener {
        private final CountDownLatch completed;

        Completion(CountDownLatch completed) {
            this.completed = completed;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            completed.countDown();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    static final class RequestEvents implements ServletRequestListener {
        private final List<String> events;
        private final CountDownLatch destroyed;

        RequestEvents(List<String> events, CountDownLatch destroyed) {
            this.events = events;
            this.destroyed = destroyed;
        }

        @Override
        public void requestInitialized(ServletRequestEvent sre) {
            events.add("requestInitialized");
        }

        @Override
        public void requestDestroyed(ServletRequestEvent sre) {
            events.add("requestDestroyed");
            destroyed.countDown();
        }
    }

    static void write(AsyncContext ac, String text) {
        try {
            ac.getResponse().getWriter().print(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
