package dev.pronto.container.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http2ResponseHeadersTest {

    @Test
    void namesAreLowerCaseAndConnectionSpecificFieldsAreDropped() {
        HttpHeaders fields = new DefaultHttpHeaders()
                .add("Content-Type", "text/plain")
                .add("X-Trace", "a")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2")
                .add("Connection", "keep-alive, X-Hop")
                .add("X-Hop", "dropped")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("Upgrade", "h2c")
                .add("TE", "trailers");
        Http2Headers h2 = Http2ResponseHeaders.of(404, fields, AsciiString.of("Pronto"));

        assertEquals("404", h2.status().toString());
        assertEquals("text/plain", h2.get("content-type").toString());
        assertEquals("a", h2.get("x-trace").toString());
        assertEquals(List.of("a=1", "b=2"), h2.getAll("set-cookie").stream().map(CharSequence::toString).toList());
        for (String name : List.of("connection", "x-hop", "keep-alive", "transfer-encoding", "upgrade", "te")) {
            assertNull(h2.get(name), name);
        }
        assertNotNull(h2.get("date"));
        assertEquals("Pronto", h2.get("server").toString());
        assertEquals(":status", h2.iterator().next().getKey().toString(), "pseudo-header first (RFC 9113 §8.3)");
    }

    @Test
    void applicationDateAndServerWin() {
        HttpHeaders fields = new DefaultHttpHeaders().add("Date", "yesterday").add("Server", "app");
        Http2Headers h2 = Http2ResponseHeaders.of(200, fields, AsciiString.of("Pronto"));
        assertEquals(List.of("yesterday"), h2.getAll("date").stream().map(CharSequence::toString).toList());
        assertEquals(List.of("app"), h2.getAll("server").stream().map(CharSequence::toString).toList());
    }

    @Test
    void unregisteredStatusAndTrailers() {
        assertEquals("299", Http2ResponseHeaders.of(299, null, null).status().toString());
        Http2Headers trailers = Http2ResponseHeaders.trailers(new DefaultHttpHeaders().add("X-Checksum", "1")
                .add("Transfer-Encoding", "chunked"));
        assertEquals("1", trailers.get("x-checksum").toString());
        assertFalse(trailers.contains("transfer-encoding"));
        assertNull(trailers.status());
    }
}
