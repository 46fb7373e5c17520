package dev.pronto.servlet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code war(Path)} needs the pronto-deploy module, which the bridge's own tests do not have. */
class WarWithoutDeployerTest {

    @Test
    void namesTheMissingModule() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pronto.server().war(Path.of("shop.war")));
        assertTrue(e.getMessage().contains("pronto-deploy"), e.getMessage());
    }
}
