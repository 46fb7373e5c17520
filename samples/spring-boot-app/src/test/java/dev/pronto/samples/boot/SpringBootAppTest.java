package dev.pronto.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.spring.boot.ProntoWebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sample over real HTTP on a random port: JSON, validation, forms, static files, errors, health, async, upload. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SpringBootAppTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private ServletWebServerApplicationContext context;

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return client.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return client.send(request(path, "Content-Type", contentType, "Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void runsOnPronto() {
        assertInstanceOf(ProntoWebServer.class, context.getWebServer());
        assertEquals(port, context.getWebServer().getPort());
    }

    @Test
    void jsonGreeting() throws Exception {
        HttpResponse<String> response = get("/api/greetings/hello/world");
        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response) + " " + response.headers().map() + " " + response.body());
        assertEquals("{\"id\":0,\"text\":\"Hello, world!\"}", response.body());
    }

    @Test
    void validGreetingIsCreated() throws Exception {
        HttpResponse<String> created = post("/api/greetings", "application/json", "{\"name\":\"Ada\",\"message\":\"Hi\"}");
        assertEquals(201, created.statusCode());
        assertTrue(created.body().contains("\"text\":\"Hi, Ada!\""), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertEquals(created.body(), get(URI.create(location).getPath()).body());
    }

    @Test
    void invalidGreetingIsAProblemNamingTheFields() throws Exception {
        HttpResponse<String> response = post("/api/greetings", "application/json",
                "{\"name\":\" \",\"message\":\"" + "x".repeat(50) + "\"}");
        assertEquals(400, response.statusCode());
        assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
        assertTrue(response.body().contains("\"name\":\"must not be blank\""), response.body());
        assertTrue(response.body().contains("\"message\":\"size must be between 0 and 40\""), response.body());
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        assertEquals(400, post("/api/greetings", "application/json", "{not json").statusCode());
    }

    @Test
    void formPageAndItsPost() throws Exception {
        HttpResponse<String> page = get("/form");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\" action=\"/form\">"), page.body());
        HttpResponse<String> posted = client.send(request("/form", "Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                "name=J%C3%BCrgen+%3Cb%3E&comment=Grand+caf%C3%A9")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode());
        assertTrue(posted.body().contains("Thanks, Jürgen &lt;b&gt;!"), posted.body());
        assertTrue(posted.body().contains("Grand café"), posted.body());
    }

    @Test
    void welcomePageAndStaticFiles() throws Exception {
        HttpResponse<String> welcome = get("/");
        assertEquals(200, welcome.statusCode());
        assertTrue(welcome.body().contains("<h1>Spring Boot on Pronto</h1>"), welcome.body());
        HttpResponse<String> css = get("/css/site.css");
        assertEquals(200, css.statusCode());
        assertTrue(contentType(css).startsWith("text/css"), contentType(css));
    }

    @Test
    void bootErrorPageForMissingPaths() throws Exception {
        HttpResponse<String> json = get("/no/such/page", "Accept", "application/json");
        assertEquals(404, json.statusCode());
        assertTrue(json.body().contains("\"status\":404") && json.body().contains("\"path\":\"/no/such/page\""),
                json.body());
        HttpResponse<String> html = get("/no/such/page", "Accept", "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(html.body().contains("Whitelabel Error Page"), html.body());
    }

    @Test
    void bootErrorPageForFailures() throws Exception {
        HttpResponse<String> response = get("/api/greetings/boom", "Accept", "application/json");
        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("\"status\":500"), response.body());
        assertTrue(response.body().contains("\"error\":\"Internal Server Error\""), response.body());
    }

    @Test
    void actuatorHealth() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
    }

    @Test
    void largeJsonIsGzipped() throws Exception {
        String name = "n".repeat(3000);
        HttpResponse<byte[]> response = client.send(request("/api/greetings/hello/" + name,
                "Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
    }

    /** Needs multipart ({@code HttpServletRequest.getParts}), not merged yet. */
    @Test
    void fileUpload() throws Exception {
        String boundary = "pronto-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"hello.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "hello\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> response = post("/api/uploads", "multipart/form-data; boundary=" + boundary, body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"name\":\"hello.txt\",\"size\":5,"
                + "\"sha256\":\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}", response.body());
    }

    /**
     * Over Boot's default 1MB max-file-size: Spring answers sendError(413); the ERROR dispatch to /error must not
     * turn that into a 500 (issue 9). The body stays empty, as on Tomcat: Spring re-resolves the multipart request
     * in the error dispatch and fails again there (spring-framework#36228), so Boot's JSON is never rendered.
     */
    @Test
    void oversizedUploadIs413() throws Exception {
        String boundary = "pronto-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "x".repeat(1536 * 1024) + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> response = post("/api/uploads", "multipart/form-data; boundary=" + boundary, body);
        assertEquals(413, response.statusCode(), response.body());
    }

    /** Needs AsyncContext, not merged yet. */
    @Test
    void serverSentEvents() throws Exception {
        HttpResponse<String> response = get("/api/events?count=3", "Accept", "text/event-stream");
        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("text/event-stream"), contentType(response));
        assertEquals("id:1\nevent:tick\ndata:tick 1\n\nid:2\nevent:tick\ndata:tick 2\n\n"
                + "id:3\nevent:tick\ndata:tick 3\n\n", response.body());
    }

    /** Needs AsyncContext, not merged yet. */
    @Test
    void deferredResult() throws Exception {
        HttpResponse<String> response = get("/api/deferred");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"done\"}", response.body());
    }

}
