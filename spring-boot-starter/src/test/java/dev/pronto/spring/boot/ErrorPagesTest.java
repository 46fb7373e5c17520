package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.http.HttpStatus;

/** Boot's error pages: the global {@code /error}, and pages by status and by exception type. */
class ErrorPagesTest extends FactoryTestSupport {

    @Test
    void globalErrorPageRendersUnmappedPaths() throws Exception {
        factory.addErrorPages(new ErrorPage("/error"));
        start(servlet("/error", new ErrorServlet("global")));
        var response = get("/missing");
        assertEquals(404, response.statusCode());
        assertEquals("global 404 /missing", response.body());
    }

    @Test
    void globalErrorPageRendersExceptions() throws Exception {
        factory.addErrorPages(new ErrorPage("/error"));
        start(servlet("/error", new ErrorServlet("global")), servlet("/boom", new Boom()));
        var response = get("/boom");
        assertEquals(500, response.statusCode());
        assertEquals("global 500 /boom java.lang.IllegalStateException", response.body());
    }

    @Test
    void statusAndExceptionPagesWinOverTheGlobalOne() throws Exception {
        factory.addErrorPages(new ErrorPage("/error"), new ErrorPage(HttpStatus.NOT_FOUND, "/not-found"),
                new ErrorPage(IllegalStateException.class, "/illegal-state"));
        start(servlet("/error", new ErrorServlet("global")), servlet("/not-found", new ErrorServlet("nf")),
                servlet("/illegal-state", new ErrorServlet("ise")), servlet("/boom", new Boom()),
                servlet("/teapot", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        resp.sendError(418);
                    }
                }));
        assertEquals("nf 404 /nothing", get("/nothing").body());
        assertEquals("ise 500 /boom java.lang.IllegalStateException", get("/boom").body());
        var teapot = get("/teapot");
        assertEquals(418, teapot.statusCode());
        assertEquals("global 418 /teapot", teapot.body());
    }

    static final class Boom extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("boom");
        }
    }

    /** Writes "name status uri [exception type]" from the error attributes. */
    static final class ErrorServlet extends HttpServlet {
        private final String name;

        ErrorServlet(String name) {
            this.name = name;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Object type = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE);
            resp.setContentType("text/plain");
            resp.getWriter().write(name + ' ' + req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) + ' '
                    + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                    + (type == null ? "" : " " + ((Class<?>) type).getName()));
        }
    }
}
