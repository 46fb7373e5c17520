package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pronto.testing.RawHttpConnection;
import org.junit.jupiter.api.Test;

/** {@code server.server-header} (Boot's default: none) and {@code server.max-http-request-header-size}. */
class ServerHeaderAndLimitsTest extends FactoryTestSupport {

    @Test
    void noServerHeaderByDefault() throws Exception {
        start(servlet("/hello", new TestServlets.Text("hi")));
        assertFalse(get("/hello").headers().firstValue("Server").isPresent());
    }

    @Test
    void configuredServerHeaderIsSent() throws Exception {
        factory.setServerHeader("Acme/1.0");
        start(servlet("/hello", new TestServlets.Text("hi")));
        assertEquals("Acme/1.0", get("/hello").headers().firstValue("Server").orElseThrow());
    }

    @Test
    void requestHeadBeyondTheConfiguredSizeGets431() throws Exception {
        factory.setMaxHttpRequestHeaderSize(1024);
        start(servlet("/hello", new TestServlets.Text("hi")));
        try (RawHttpConnection connection = RawHttpConnection.open(webServer.getPort())) {
            connection.send("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(2000) + "\r\n\r\n");
            assertEquals(431, connection.read().status());
        }
        assertEquals(200, get("/hello", "X-Small", "x".repeat(500)).statusCode());
    }
}
