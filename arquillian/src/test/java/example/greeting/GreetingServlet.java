package example.greeting;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet the test WARs carry: greets with its init parameter, the context path and the loader it runs in. Its
 * package is not {@code dev.pronto}, whose classes a web application always takes from the container.
 */
public class GreetingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String loader = getClass().getClassLoader() == HttpServlet.class.getClassLoader() ? "shared" : "webapp";
        String greeting = getInitParameter("greeting");
        response.getWriter().print(greeting + " from " + request.getContextPath() + " (" + loader + ")");
    }
}
