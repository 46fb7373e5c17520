package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code server.forward-headers-strategy=native}: the container applies forwarded headers from trusted proxies. */
class ForwardedHeadersTest extends FactoryTestSupport {

    /** Shows what the request says about scheme, host and client. */
    static final class Where extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(req.getScheme() + "|" + req.getServerName() + "|" + req.getServerPort() + "|"
                    + req.getRemoteAddr() + "|" + req.isSecure());
        }
    }

    @Test
    void nativeStrategyTrustsTheLocalProxy() throws Exception {
        factory.setUseForwardHeaders(true);
        start(servlet("/where", new Where()));
        var response = get("/where", "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "shop.example.com");
        assertEquals("https|shop.example.com|443|203.0.113.7|true", response.body());
    }

    @Test
    void withoutTheStrategyHeadersAreIgnored() throws Exception {
        start(servlet("/where", new Where()));
        var response = get("/where", "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https");
        assertEquals("http|localhost|" + webServer.getPort() + "|127.0.0.1|false", response.body());
    }

    @Test
    void registerDefaultServletServesResources() throws Exception {
        factory.setRegisterDefaultServlet(true);
        start();
        assertEquals(200, get("/classpath.txt").statusCode());
    }
}
