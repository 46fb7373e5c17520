package dev.pronto.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Arquillian drives the container: it deploys a WebArchive on Pronto and injects the application's URL. */
@ExtendWith(ArquillianExtension.class)
class ProntoArquillianTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWars.greeting("arquillian-greeting.war");
    }

    @ArquillianResource
    URL url;

    @Test
    void injectsTheContextUrl() {
        assertEquals("http", url.getProtocol());
        assertEquals("127.0.0.1", url.getHost());
        assertEquals("/arquillian-greeting/", url.getPath());
    }

    @Test
    void servesTheDeployedServletOverHttp() throws Exception {
        HttpResponse<String> response = get(url.toURI().resolve("greet"));
        assertEquals(200, response.statusCode());
        // The servlet came from the WAR's own class loader and read its web.xml init parameter.
        assertEquals("hello from /arquillian-greeting (webapp)", response.body());
    }

    @Test
    void servesStaticContentFromTheWarRoot() throws Exception {
        HttpResponse<String> response = get(url.toURI().resolve("index.html"));
        assertEquals(200, response.statusCode());
        assertEquals("<p>static</p>", response.body());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
