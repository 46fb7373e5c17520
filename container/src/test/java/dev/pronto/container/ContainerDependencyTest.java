package dev.pronto.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The container knows nothing of servlets: dependencies point one way (STYLE rule 1). */
class ContainerDependencyTest {

    @Test
    void containerSourcesImportNoJakartaTypes() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(ContainerDependencyTest::mentionsJakarta).toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean mentionsJakarta(Path file) {
        try {
            return Files.readString(file).contains("jakarta.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
