package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FORM login (Servlet 6.1 §13.6.3) over real sockets: login page, j_security_check, session id change, replay. */
class FormAuthTest {

    /** Shows what the request looks like to the application. */
    static final class EchoServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().print(req.getMethod() + " user=" + req.getRemoteUser() + " type=" + req.getAuthType()
                    + " a=" + req.getParameter("a") + " b=" + req.getParameter("b"));
        }
    }

    /** A page with fixed text (the login and error pages), for GET only like a static page. */
    static final class TextServlet extends HttpServlet {
        private final String text;

        TextServlet(String text) {
            this.text = text;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(text + " for " + req.getAttribute("jakarta.servlet.forward.request_uri"));
        }
    }

    /** Logs out. */
    static final class LogoutServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                req.logout();
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException(e);
            }
            resp.getWriter().print("bye " + req.getRemoteUser());
        }
    }

    static ServletTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServletTestServer.start(app -> app
                .realm(InMemoryRealm.builder().user("alice", "wonder", "admin").build())
                .loginConfig("FORM", null, "/login", "/login-error")
                .securityConstraint(SecurityConstraint.roles(WebResourceCollection.of("/protected/*"), "admin"))
                .configure(a -> a.security().maxSavedBody(64))
                .servlet("/", new EchoServlet())
                .servlet("/login", new TextServlet("login page"))
                .servlet("/login-error", new TextServlet("bad login"))
                .servlet("/logout", new LogoutServlet()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null,
            CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private static String sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    @Test
    void loginPageThenLoginThenTheOriginalRequest() throws Exception {
        HttpResponse<String> page = get("/protected/page?q=1");
        assertEquals(200, page.statusCode());
        assertEquals("login page for /protected/page", page.body());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        String before = sessionCookie(page);
        assertTrue(before != null, "the saved request lives in a session");

        HttpResponse<String> bad = post("/j_security_check", "j_username=alice&j_password=nope");
        assertEquals(200, bad.statusCode());
        assertEquals("bad login for /j_security_check", bad.body());

        HttpResponse<String> good = post("/j_security_check", "j_username=alice&j_password=wonder");
        assertEquals(303, good.statusCode());
        assertEquals(base() + "/protected/page?q=1", good.headers().firstValue("Location").orElseThrow());
        String after = sessionCookie(good);
        assertNotEquals(before, after, "§13.6.3: the session id changes on login");

        HttpResponse<String> target = get("/protected/page?q=1");
        assertEquals(200, target.statusCode());
        assertEquals("GET user=alice type=FORM a=null b=null", target.body());
        assertEquals("GET user=alice type=FORM a=null b=null", get("/protected/other").body());
        assertEquals("GET user=alice type=FORM a=null b=null", get("/open").body());

        assertEquals("bye null", get("/logout").body());
        assertEquals("login page for /protected/page", get("/protected/page").body());
    }

    @Test
    void aSavedPostIsReplayedWithItsBody() throws Exception {
        HttpResponse<String> page = post("/protected/form", "a=1&b=%C3%BC");
        assertEquals("login page for /protected/form", page.body());
        HttpResponse<String> good = post("/j_security_check", "j_username=alice&j_password=wonder");
        assertEquals(base() + "/protected/form", good.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> replayed = get("/protected/form");
        assertEquals("POST user=alice type=FORM a=1 b=ü", replayed.body());
        assertEquals("GET user=alice type=FORM a=null b=null", get("/protected/form").body(), "replayed once");
    }

    @Test
    void aBodyLargerThanTheLimitIsNotSaved() throws Exception {
        assertEquals(413, post("/protected/form", "a=" + "x".repeat(100)).statusCode());
    }

    @Test
    void aLoginWithoutSavedRequestGoesToTheRoot() throws Exception {
        HttpResponse<String> good = post("/j_security_check", "j_username=alice&j_password=wonder");
        assertEquals(303, good.statusCode());
        assertEquals(base() + "/", good.headers().firstValue("Location").orElseThrow());
        assertEquals("GET user=alice type=FORM a=null b=null", get("/protected/x").body());
    }

    @Test
    void anHttp10ClientIsRedirectedWith302() throws Exception {
        // RFC 9110 §15.4.4: 303 is HTTP/1.1's; an HTTP/1.0 client gets 302, with an absolute URL (RFC 1945 §10.11)
        String form = "j_username=alice&j_password=wonder";
        RawHttpConnection.Response response = server.exchange("POST /j_security_check HTTP/1.0\r\nHost: t\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n"
                + form);
        assertEquals(302, response.status());
        assertEquals("http://t/", response.header("Location"));
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void missingFieldsAre400() throws Exception {
        assertEquals(400, post("/j_security_check", "j_username=alice").statusCode());
    }
}
