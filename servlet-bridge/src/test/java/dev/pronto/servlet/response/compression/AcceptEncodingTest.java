package dev.pronto.servlet.response.compression;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "deflate, gzip", "gzip;q=0.5", "br;q=1, gzip ; q=0.1", "x-gzip", "*",
            "br, *;q=0.2", "gzip;q=0, gzip;q=1"})
    void accepts(String field) {
        assertTrue(AcceptEncoding.acceptsGzip(field), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "br", "gzip;q=0", "gzip;q=0.0", "*;q=0", "gzip;q=0, *", "gzip;q=bad",
            "gzipped"})
    void refuses(String field) {
        assertFalse(AcceptEncoding.acceptsGzip(field), field);
    }

    @org.junit.jupiter.api.Test
    void missingFieldMeansIdentity() {
        assertFalse(AcceptEncoding.acceptsGzip(null));
    }
}
