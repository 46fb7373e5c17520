package dev.pronto.container.http1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The framing decision as a table: RFC 9112 §6.1-6.3 and §9.3, RFC 9110 §6.4.1 (HEAD, 204, 304). */
class Http1FramingTest {

    @ParameterizedTest(name = "{0} {1} {2} CL={3} whole={4} ka={5} conn={6} close={7} unread100={8} -> {9} {10}")
    @CsvSource(nullValues = "-", textBlock = """
            # version, method, status, declared CL, whole body (-1: streamed), keep-alive, Connection field,
            # says close, unread 100-continue body -> body, engine CL, drop CL, keep-alive, Connection line
            1.1, GET,  200, -,  5,  true,  false, false, false, LENGTH,          5,  false, true,  none
            1.1, GET,  200, 5,  5,  true,  false, false, false, LENGTH,          -1, false, true,  none
            1.1, GET,  200, 9,  5,  true,  false, false, false, LENGTH,          5,  true,  true,  none
            1.1, GET,  200, x,  5,  true,  false, false, false, LENGTH,          5,  true,  true,  none
            1.1, HEAD, 200, 9,  0,  true,  false, false, false, LENGTH,          -1, false, true,  none
            1.1, HEAD, 200, -,  7,  true,  false, false, false, LENGTH,          7,  false, true,  none
            1.1, GET,  204, -,  0,  true,  false, false, false, NONE,            -1, false, true,  none
            1.1, GET,  304, 10, 0,  true,  false, false, false, NONE,            -1, false, true,  none
            1.1, GET,  103, -,  -1, true,  false, false, false, NONE,            -1, false, true,  none
            1.1, GET,  200, -,  -1, true,  false, false, false, CHUNKED,         -1, false, true,  none
            1.1, HEAD, 200, -,  -1, true,  false, false, false, CHUNKED,         -1, false, true,  none
            1.1, GET,  200, 10, -1, true,  false, false, false, LENGTH,          -1, false, true,  none
            1.1, GET,  204, -,  -1, true,  false, false, false, NONE,            -1, false, true,  none
            1.0, GET,  200, -,  -1, true,  false, false, false, CLOSE_DELIMITED, -1, false, false, close
            1.0, GET,  200, 10, -1, true,  false, false, false, LENGTH,          -1, false, true,  keep-alive
            1.0, GET,  200, -,  3,  true,  false, false, false, LENGTH,          3,  false, true,  keep-alive
            1.0, GET,  200, -,  3,  false, false, false, false, LENGTH,          3,  false, false, close
            1.1, GET,  200, -,  3,  false, false, false, false, LENGTH,          3,  false, false, close
            1.1, GET,  200, -,  3,  true,  true,  true,  false, LENGTH,          3,  false, false, none
            1.1, GET,  200, -,  3,  true,  true,  false, false, LENGTH,          3,  false, true,  none
            1.1, GET,  200, -,  3,  false, true,  false, false, LENGTH,          3,  false, false, close
            1.1, GET,  200, -,  3,  true,  false, false, true,  LENGTH,          3,  false, false, close
            1.1, GET,  200, -,  -1, true,  true,  true,  true,  CHUNKED,         -1, false, false, none
            """)
    void decidesFramingAndPersistence(String version, String method, int status, String declared, long whole,
                                      boolean keepAlive, boolean connectionField, boolean saysClose,
                                      boolean unreadExpectedBody, Http1Framing.Body body, long engineLength,
                                      boolean drop, boolean staysOpen, String connectionLine) {
        Http1Framing framing = Http1Framing.decide(new Http1Framing.Input(version.equals("1.0"),
                method.equals("HEAD"), status, declared, whole, keepAlive, connectionField, saysClose,
                unreadExpectedBody));
        assertEquals(body, framing.body(), "body framing");
        assertEquals(engineLength, framing.contentLength(whole), "engine Content-Length");
        assertEquals(drop, framing.dropDeclaredLength(), "drop the declared length");
        assertEquals(staysOpen, framing.keepAlive(), "keep-alive");
        byte[] expected = switch (connectionLine) {
            case "close" -> EngineHeaderLines.CONNECTION_CLOSE;
            case "keep-alive" -> EngineHeaderLines.CONNECTION_KEEP_ALIVE;
            default -> null;
        };
        assertArrayEquals(expected, framing.connectionLine(), "Connection line");
    }
}
