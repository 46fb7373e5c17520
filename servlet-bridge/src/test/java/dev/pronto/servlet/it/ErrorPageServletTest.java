package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Error pages by status and by exception type, with the {@code jakarta.servlet.error.*} attributes (§10.9). */
class ErrorPageServletTest {

    /** A checked exception mapped to its own page. */
    static final class PaymentException extends Exception {
        PaymentException(String message) {
            super(message);
        }
    }

    /** Fails in the way the path says. */
    static final class FailingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            switch (req.getPathInfo()) {
                case "/missing" -> resp.sendError(404, "no such thing");
                case "/payment" -> throw new ServletException(new PaymentException("card declined"));
                case "/runtime" -> throw new IllegalArgumentException("bad");
                case "/gone" -> resp.sendError(410);
                default -> resp.getWriter().print("fine");
            }
        }
    }

    /** Renders the error attributes. */
    static final class ErrorServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Object exception = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            resp.setContentType("text/plain");
            resp.getWriter().print(req.getDispatcherType() + "|" + req.getServletPath() + "|"
                    + req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) + "|"
                    + req.getAttribute(RequestDispatcher.ERROR_MESSAGE) + "|"
                    + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + "|"
                    + req.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME) + "|"
                    + (exception == null ? "-" : exception.getClass().getSimpleName()) + "|"
                    + req.getAttribute(RequestDispatcher.ERROR_METHOD));
        }
    }

    private static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app
                .servlet("failing", new FailingServlet(), r -> r.addMapping("/f/*"))
                .servlet("errors", new ErrorServlet(), r -> r.addMapping("/error/*"))
                .errorPage(404, "/error/not-found")
                .errorPage(PaymentException.class, "/error/payment")
                .errorPage("/error/global"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void statusPageGetsTheErrorAttributes() throws Exception {
        var response = server.get("/f/missing");
        assertEquals(404, response.statusCode());
        assertEquals("ERROR|/error|404|no such thing|/f/missing|failing|-|GET", response.body());
    }

    @Test
    void unmappedPathUsesTheStatusPage() throws Exception {
        var response = server.get("/nothing-here");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().startsWith("ERROR|/error|404|"), response.body());
    }

    @Test
    void exceptionPageMatchesTheWrappedCause() throws Exception {
        var response = server.get("/f/payment");
        assertEquals(500, response.statusCode());
        assertEquals("ERROR|/error|500|card declined|/f/payment|failing|PaymentException|GET", response.body());
    }

    @Test
    void otherErrorsFallBackToTheGlobalPage() throws Exception {
        var runtime = server.get("/f/runtime");
        assertEquals(500, runtime.statusCode());
        assertTrue(runtime.body().contains("|IllegalArgumentException|"), runtime.body());
        var gone = server.get("/f/gone");
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().startsWith("ERROR|/error|410|"), gone.body());
    }
}
