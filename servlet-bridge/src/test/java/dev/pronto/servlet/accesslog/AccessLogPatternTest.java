package dev.pronto.servlet.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pattern parsing: unknown codes fail naming themselves; client values cannot forge lines. */
class AccessLogPatternTest {

    @Test
    void unknownCodesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccessLogPattern.parse("%Z"));
        assertTrue(e.getMessage().contains("%Z"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccessLogPattern.parse("%{x}Q"));
        assertThrows(IllegalArgumentException.class, () -> AccessLogConfig.builder().pattern("%{x").build());
    }

    @Test
    void percentSignAndLiteralsPassThrough() {
        assertEquals("100% -", AccessLogPattern.parse("100%% %l").format(null));
    }
}
