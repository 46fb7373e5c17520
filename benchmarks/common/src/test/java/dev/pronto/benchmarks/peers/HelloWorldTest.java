package dev.pronto.benchmarks.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelloWorldTest {

    @Test
    void jsonOfTheMessageIsTheExpectedBody() {
        assertEquals(HelloWorld.EXPECTED_JSON, HelloWorld.json(HelloWorld.MESSAGE));
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertEquals("{\"message\":\"a\\\"b\\\\c\\n\\u0001\"}", HelloWorld.json("a\"b\\c\n\u0001"));
    }

    @Test
    void plaintextIsTheAsciiMessage() {
        assertArrayEquals("Hello, World!".getBytes(StandardCharsets.US_ASCII), HelloWorld.plaintextBytes());
    }

    @Test
    void parsesTheCommandLine() {
        assertEquals(new PeerOptions("127.0.0.1", 8080, 0), PeerOptions.parse("x", false));
        assertEquals(new PeerOptions("0.0.0.0", 9000, 3),
                PeerOptions.parse("x", true, "--port", "9000", "--host", "0.0.0.0", "--threads", "3"));
        assertEquals(new PeerOptions("127.0.0.1", 9000, 0, true, false), PeerOptions.parse("x", false, "--http2", "--port", "9000"));
        assertEquals(new PeerOptions("127.0.0.1", 8080, 0, false, true), PeerOptions.parse("x", false, "--tls"));
    }

    @Test
    void rejectsUnknownOrIncompleteArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> PeerOptions.parse("x", false, "--threads", "2"));
        assertThrows(IllegalArgumentException.class,
                () -> PeerOptions.parse("x", false, "--port"));
        assertThrows(IllegalArgumentException.class,
                () -> PeerOptions.parse("x", false, "--port", "eighty"));
    }
}
