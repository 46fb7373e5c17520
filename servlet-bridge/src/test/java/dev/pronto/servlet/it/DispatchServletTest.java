package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.ServletTestServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code RequestDispatcher} forward and include (Servlet 6.1 §9) over real sockets. */
class DispatchServletTest {

    /** Forwards or includes according to the path. */
    static final class FrontServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            switch (req.getPathInfo()) {
                case "/forward" -> {
                    resp.getWriter().print("discarded by the forward");
                    req.getRequestDispatcher("/target/page?extra=1").forward(req, resp);
                }
                case "/relative" -> req.getRequestDispatcher("../target/rel").forward(req, resp);
                case "/wrapped" -> req.getRequestDispatcher("/target/w").forward(
                        new HttpServletRequestWrapper(req), resp);
                case "/include" -> {
                    resp.getWriter().print("before|");
                    req.getRequestDispatcher("/target/inc?extra=2").include(req, resp);
                    resp.getWriter().print("|after");
                }
                case "/named" -> getServletContext().getNamedDispatcher("target").forward(req, resp);
                case "/forward-error" -> req.getRequestDispatcher("/target/fail").forward(req, resp);
                default -> resp.sendError(404);
            }
        }
    }

    /** Shows what a dispatched servlet sees. */
    static final class TargetServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if ("/fail".equals(req.getPathInfo())) {
                resp.sendError(409, "conflict");
                return;
            }
            if (req.getDispatcherType() == DispatcherType.INCLUDE) {
                resp.setHeader("X-From-Include", "ignored");
                resp.setStatus(500);
                resp.getWriter().print("included:" + req.getServletPath() + ":" + req.getPathInfo() + ":"
                        + req.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH) + ":"
                        + req.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO) + ":" + req.getParameter("extra"));
                return;
            }
            resp.getWriter().print(req.getDispatcherType() + ":" + req.getRequestURI() + ":" + req.getServletPath()
                    + ":" + req.getPathInfo() + ":" + req.getParameter("extra") + ":" + req.getParameter("q") + ":"
                    + req.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) + ":"
                    + req.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH) + ":" + resp.getHeader("X-Fwd"));
        }
    }

    /** Applies to FORWARD dispatches only. */
    static final class ForwardFilter extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            res.setHeader("X-Fwd", "seen");
            chain.doFilter(req, res);
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app
                .servlet("front", new FrontServlet(), r -> r.addMapping("/front/*"))
                .servlet("target", new TargetServlet(), r -> r.addMapping("/target/*"))
                .filter("fwd", new ForwardFilter(), r -> r.addMappingForUrlPatterns(
                        EnumSet.of(DispatcherType.FORWARD), true, "/target/*")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void forwardChangesPathsMergesParametersAndSetsAttributes() throws Exception {
        var response = server.get("/front/forward?q=orig");
        assertEquals("FORWARD:/target/page:/target:/page:1:orig:/front/forward:/front:seen", response.body());
    }

    @Test
    void relativeAndWrappedForwards() throws Exception {
        assertEquals("FORWARD:/target/rel:/target:/rel:null:null:/front/relative:/front:seen",
                server.get("/front/relative").body());
        assertEquals("FORWARD:/target/w:/target:/w:null:null:/front/wrapped:/front:seen",
                server.get("/front/wrapped").body());
    }

    @Test
    void includeKeepsTheCallersPathsAndCannotChangeStatusOrHeaders() throws Exception {
        var response = server.get("/front/include");
        assertEquals(200, response.statusCode());
        assertEquals("before|included:/front:/include:/target:/inc:2|after", response.body());
        assertEquals(false, response.headers().firstValue("x-from-include").isPresent());
    }

    @Test
    void sendErrorInsideAForwardGivesTheErrorPage() throws Exception {
        var response = server.get("/front/forward-error");
        assertEquals(409, response.statusCode());
        assertEquals(true, response.body().contains("409"), response.body());
    }

    @Test
    void namedDispatcherKeepsThePaths() throws Exception {
        assertEquals("FORWARD:/front/named:/front:/named:null:null:null:null:null", server.get("/front/named").body());
    }
}
