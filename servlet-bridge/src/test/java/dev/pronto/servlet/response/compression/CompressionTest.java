package dev.pronto.servlet.response.compression;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompressionTest {

    @Test
    void mediaTypesMatchWithoutParametersOrCase() {
        Compression c = Compression.defaults();
        assertTrue(c.isCompressible("text/html"));
        assertTrue(c.isCompressible("Text/HTML; charset=UTF-8"));
        assertTrue(c.isCompressible("application/json"));
        assertFalse(c.isCompressible("application/json-seq"));
        assertFalse(c.isCompressible("image/png"));
        assertFalse(c.isCompressible("text/event-stream"));
        assertFalse(c.isCompressible(null));
    }

    @Test
    void wildcardSubtypes() {
        Compression c = Compression.of(List.of("text/*"), 0, List.of());
        assertTrue(c.isCompressible("text/csv"));
        assertFalse(c.isCompressible("application/json"));
    }

    @Test
    void excludedAgentsMustMatchWholly() {
        Compression c = Compression.of(List.of("text/html"), 0, List.of("Old.*", "curl/7\\..*"));
        assertTrue(c.isExcluded("OldBrowser/1.0"));
        assertTrue(c.isExcluded("curl/7.88"));
        assertFalse(c.isExcluded("NewOldBrowser"));
        assertFalse(c.isExcluded(null));
    }

    @Test
    void negativeMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Compression.of(List.of(), -1, List.of()));
    }
}
