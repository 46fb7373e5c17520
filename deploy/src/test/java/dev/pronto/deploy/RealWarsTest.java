package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.testing.RawHttpConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WARs from Maven Central that nobody here wrote, deployed as they ship and checked over HTTP. The build copies
 * them to {@code target/wars} (and Tomcat's examples webapp to {@code target/tomcat}) with the
 * maven-dependency-plugin.
 */
class RealWarsTest {

    static final Path WARS = Path.of("target/wars");
    static final Path EXAMPLES = Path.of("target/tomcat/apache-tomcat-11.0.24/webapps/examples");

    @TempDir
    Path work;

    @Test
    void jettySimpleWebapp() throws Exception {
        Path war = WARS.resolve("jetty-ee10-demo-simple-webapp.war");
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.builder(war).workDirectory(work).build()))) {
            String app = "/jetty-ee10-demo-simple-webapp"; // from the file name
            HttpResponse<String> hello = http.get(app + "/hello/");
            assertEquals(200, hello.statusCode());
            assertTrue(hello.body().contains("HelloWorld from Servlet-6.1"), hello.body());
            HttpResponse<String> index = http.get(app + "/");
            assertEquals(200, index.statusCode());
            assertEquals("text/html", index.headers().firstValue("content-type").orElseThrow());
            assertEquals("image/vnd.microsoft.icon",
                    http.get(app + "/jetty.icon").headers().firstValue("content-type").orElseThrow()); // mime-mapping
            assertEquals(404, http.get(app + "/WEB-INF/web.xml").statusCode());
            assertEquals(404, http.get(app + "/META-INF/MANIFEST.MF").statusCode());
        }
    }

    @Test
    void jettySpecWebappNeedsSecurityJspAndJndi() {
        Path war = WARS.resolve("jetty-ee10-demo-spec-webapp.war");
        DeploymentException refused = assertThrows(DeploymentException.class,
                () -> Pronto.server().webapp(WarDeployment.builder(war).workDirectory(work).build()));
        for (String need : List.of("<security-constraint>", "<login-config>", "<env-entry>", "@ServletSecurity",
                "JSP (2 files", "ignoreUnsupported")) {
            assertTrue(refused.getMessage().contains(need), refused.getMessage());
        }
    }

    /** Annotations, a container initializer and a web fragment (with its META-INF/resources) from library jars. */
    @Test
    void jettySpecWebappWithoutItsUnsupportedParts() throws Exception {
        Path war = WARS.resolve("jetty-ee10-demo-spec-webapp.war");
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.builder(war).workDirectory(work)
                .ignoreUnsupported(true).build()))) {
            String app = "/test-spec"; // its default-context-path
            HttpResponse<String> index = http.get(app + "/");
            assertEquals(200, index.statusCode());
            assertTrue(index.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
            String results = http.get(app + "/test/").body();
            // @WebServlet init params merged with the fragment's declaration of the same servlet (§8.2.3)
            assertTrue(results.contains("extra1=123, extra2=345"), results);
            assertTrue(results.contains("{@WebInitParam(name=\"fromAnnotation\", value=\"xyz\")}"), results);
            HttpResponse<String> fragment = http.get(app + "/fragment/");
            assertEquals(200, fragment.statusCode());
            assertTrue(fragment.body().contains("Jetty Fragment Servlet"));
            HttpResponse<String> fragmentResource = http.get(app + "/fragmentA/index.html");
            assertEquals(200, fragmentResource.statusCode());
            assertTrue(fragmentResource.body().contains("Welcome to a Fragment"));
            HttpResponse<String> secured = http.get(app + "/role/");
            assertEquals(501, secured.statusCode());
            assertTrue(secured.body().contains("container security"));
            HttpResponse<String> jsp = http.get(app + "/dynamic.jsp");
            assertEquals(501, jsp.statusCode());
            assertTrue(jsp.body().contains("JSP"));
            assertEquals(404, http.get(app + "/WEB-INF/web.xml").statusCode());
            assertEquals(404, http.get(app + "/WEB-INF/lib/").statusCode());
        }
    }

    @Test
    void hawtio() throws Exception {
        Path war = WARS.resolve("hawtio-war.war");
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.builder(war).workDirectory(work).build()))) {
            String app = "/hawtio-war";
            HttpResponse<String> config = http.get(app + "/auth/config");
            assertEquals(200, config.statusCode());
            assertEquals("application/json", config.headers().firstValue("content-type").orElseThrow());
            // its filter chain ran: security headers on every response
            assertEquals("DENY", config.headers().firstValue("x-frame-options").orElseThrow());
            HttpResponse<String> logo = http.get(app + "/img/hawtio-logo.svg");
            assertEquals(200, logo.statusCode());
            assertEquals("image/svg+xml", logo.headers().firstValue("content-type").orElseThrow());
            assertTrue(logo.body().contains("<svg"));
            HttpResponse<String> root = http.get(app + "/"); // not logged in: its filter redirects to the login
            assertEquals(302, root.statusCode());
            assertTrue(root.headers().firstValue("location").orElseThrow().endsWith(app + "/login"));
            assertEquals(403, http.get(app + "/jolokia/version").statusCode()); // its AuthenticationFilter
        }
    }

    /**
     * The servlet examples of Tomcat's examples webapp. It uses a few of Tomcat's own classes (its logging, two
     * container filters, a JSON escaper), which Tomcat provides as the container; the test hands them to the WAR
     * as its container class loader. Its JSP pages and protected area answer 501.
     */
    @Test
    void tomcatServletExamples() throws Exception {
        try (URLClassLoader tomcat = new URLClassLoader(new URL[] {
                Path.of("target/tomcat-lib/tomcat-embed-core.jar").toUri().toURL()}, getClass().getClassLoader());
             Http http = new Http(Pronto.server().webapp(WarDeployment.builder(EXAMPLES).workDirectory(work)
                     .ignoreUnsupported(true).containerClassLoader(tomcat).build()))) {
            String app = "/examples";
            HttpResponse<String> index = http.get(app + "/");
            assertEquals(200, index.statusCode());
            assertEquals("text/html", index.headers().firstValue("content-type").orElseThrow());
            assertEquals("DENY", index.headers().firstValue("x-frame-options").orElseThrow()); // Tomcat's filter
            HttpResponse<String> hello = http.get(app + "/servlets/servlet/HelloWorldExample");
            assertTrue(hello.body().contains("<h1>Hello World!</h1>"), hello.body());
            String info = http.get(app + "/servlets/servlet/RequestInfoExample/extra?x=1").body();
            assertTrue(info.contains("/examples/servlets/servlet/RequestInfoExample/extra"), info);
            String headers = http.send(http.request(app + "/servlets/servlet/RequestHeaderExample")
                    .header("X-Probe", "probe-value")).body();
            assertTrue(headers.contains("X-Probe") && headers.contains("probe-value"), headers);
            cookies(http, app);
            sessions(http, app);
            HttpResponse<String> async = http.get(app + "/async/async0");
            assertEquals(200, async.statusCode());
            assertTrue(async.body().startsWith("Async dispatch worked"), async.body());
            HttpResponse<String> counted = http.send(http.request(app + "/servlets/nonblocking/bytecounter")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))));
            assertTrue(counted.body().contains("100000"), counted.body()); // ReadListener + WriteListener
            trailers(http, app);
            HttpResponse<String> jsp = http.get(app + "/jsp/jsp2/el/basic-arithmetic.jsp");
            assertEquals(501, jsp.statusCode());
            assertEquals(501, http.get(app + "/jsp/security/protected/index.jsp").statusCode());
        }
    }

    private static void cookies(Http http, String app) throws Exception {
        HttpResponse<String> set = http.send(http.request(app + "/servlets/servlet/CookieExample")
                .POST(HttpRequest.BodyPublishers.ofString("cookiename=flavour&cookievalue=oatmeal"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertTrue(set.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("flavour=oatmeal")),
                set.headers().map().toString());
        String seen = http.send(http.request(app + "/servlets/servlet/CookieExample")
                .header("Cookie", "flavour=oatmeal")).body();
        assertTrue(seen.contains("flavour") && seen.contains("oatmeal"), seen);
    }

    private static void sessions(Http http, String app) throws Exception {
        HttpResponse<String> first = http.send(http.request(app + "/servlets/servlet/SessionExample?dataname=fruit"
                + "&datavalue=apple"));
        String cookie = first.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        assertTrue(cookie.startsWith("JSESSIONID="));
        String again = http.send(http.request(app + "/servlets/servlet/SessionExample").header("Cookie", cookie))
                .body();
        assertTrue(again.contains("fruit = apple"), again);
    }

    private static void trailers(Http http, String app) throws Exception {
        try (RawHttpConnection raw = RawHttpConnection.open(http.server.port())) {
            raw.send("GET " + app + "/servlets/trailers/response HTTP/1.1\r\nHost: localhost\r\nTE: trailers\r\n"
                    + "Connection: close\r\n\r\n");
            String response = raw.readUntilClose();
            assertTrue(response.contains("This response should include trailer fields."), response);
            assertTrue(response.contains("x-trailer-1: Trailer value one"), response);
        }
    }
}
