package dev.pronto.servlet.forwarded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.servlet.WebAppBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request's address getters, getRequestURL and redirects behind a trusted or an untrusted proxy. */
class ForwardedRequestTest {

    private static final String PROXIED = "X-Forwarded-For: 203.0.113.7, 10.0.0.5\r\n"
            + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: shop.example\r\n";

    @TempDir
    static Path base;

    /** Prints what the request says about both ends. */
    public static final class AddressServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getServletPath().equals("/go")) {
                resp.sendRedirect("/target");
                return;
            }
            resp.getWriter().print(req.getScheme() + " " + req.isSecure() + " " + req.getServerName() + " "
                    + req.getServerPort() + " " + req.getRemoteAddr() + " " + req.getRemoteHost() + " "
                    + (req.getRemotePort() > 0) + " " + req.getRequestURL());
        }
    }

    private static String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: backend:8080\r\n" + headers + "\r\n";
    }

    private static ServletTestServer start(Consumer<WebAppBuilder> more) throws Exception {
        return ServletTestServer.start(app -> {
            app.servlet("addresses", new AddressServlet(), reg -> reg.addMapping("/who", "/go"));
            more.accept(app);
        });
    }

    @Test
    void trustedProxyXForwarded() throws Exception {
        try (ServletTestServer s = start(app -> app.forwardedHeaders(ForwardedHeaders.trustingPrivateNetworks()))) {
            assertEquals("https true shop.example 443 203.0.113.7 203.0.113.7 true https://shop.example/who",
                    s.exchange(get("/who", PROXIED)).body());
            assertEquals("https://shop.example/target", s.exchange(get("/go", PROXIED)).header("location"));
            assertEquals("http false backend 8080 127.0.0.1 127.0.0.1 true http://backend:8080/who",
                    s.exchange(get("/who", "")).body(), "a request without forwarded headers is itself");
        }
    }

    @Test
    void trustedProxyRfc7239() throws Exception {
        try (ServletTestServer s = start(app -> app.forwardedHeaders(ForwardedHeaders.trusting("127.0.0.1")))) {
            String forwarded = "Forwarded: for=\"[2001:db8::7]:4711\";proto=https;host=\"shop.example:8443\"\r\n";
            assertEquals("https true shop.example 8443 2001:db8:0:0:0:0:0:7 2001:db8:0:0:0:0:0:7 true "
                    + "https://shop.example:8443/who", s.exchange(get("/who", forwarded)).body());
            assertEquals("https://shop.example:8443/target", s.exchange(get("/go", forwarded)).header("location"));
        }
    }

    @Test
    void untrustedRemoteIsIgnored() throws Exception {
        try (ServletTestServer s = start(app -> app.forwardedHeaders(ForwardedHeaders.trusting("10.0.0.0/8")))) {
            assertEquals("http false backend 8080 127.0.0.1 127.0.0.1 true http://backend:8080/who",
                    s.exchange(get("/who", PROXIED)).body());
            assertEquals("http://backend:8080/target", s.exchange(get("/go", PROXIED)).header("location"));
        }
    }

    @Test
    void offByDefault() throws Exception {
        try (ServletTestServer s = start(app -> { })) {
            assertEquals("http false backend 8080 127.0.0.1 127.0.0.1 true http://backend:8080/who",
                    s.exchange(get("/who", PROXIED)).body());
        }
    }

    @Test
    void defaultServletDirectoryRedirectBehindTheProxy() throws Exception {
        Files.createDirectories(base.resolve("docs"));
        Files.writeString(base.resolve("docs/index.html"), "docs");
        try (ServletTestServer s = ServletTestServer.start(app -> app.resources(base)
                .forwardedHeaders(ForwardedHeaders.trustingPrivateNetworks()))) {
            assertEquals("https://shop.example/docs/", s.exchange(get("/docs", PROXIED)).header("location"));
        }
    }
}
