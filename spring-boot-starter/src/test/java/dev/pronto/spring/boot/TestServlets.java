package dev.pronto.spring.boot;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Small servlets the conformance tests share. Each is thread-safe. */
final class TestServlets {

    private TestServlets() {
    }

    /** Answers {@code text} as text/plain. */
    static final class Text extends HttpServlet {
        private final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(text);
        }
    }

    /** Answers with the paths the container gave it: contextPath|servletPath|pathInfo|requestURI. */
    static final class Paths extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().write(req.getContextPath() + '|' + req.getServletPath() + '|' + req.getPathInfo()
                    + '|' + req.getRequestURI());
        }
    }

    /** Counts {@code init} calls; used for load-on-startup. */
    static class InitCounting extends HttpServlet {
        final AtomicInteger inits = new AtomicInteger();

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            inits.incrementAndGet();
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write("inits=" + inits.get());
        }
    }

    /** Holds the request until released, so shutdown tests have a request in flight. */
    static final class Slow extends HttpServlet {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.getWriter().write("slow done");
        }
    }
}
