package dev.pronto.servlet.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPatternTest {

    @ParameterizedTest
    @CsvSource({
        "'',          CONTEXT_ROOT, ''",
        "/,           DEFAULT,      ''",
        "/foo/bar,    EXACT,        /foo/bar",
        "/foo/,       EXACT,        /foo/",
        "/foo/*,      PATH,         /foo",
        "/*,          PATH,         ''",
        "*.jsp,       EXTENSION,    jsp",
        "*.tar.gz,    EXTENSION,    tar.gz",
    })
    void classifiesTheFiveForms(String pattern, MappingMatch kind, String value) {
        UrlPattern p = UrlPattern.parse(pattern);
        assertEquals(kind, p.kind());
        assertEquals(value, p.value());
        assertEquals(pattern, p.pattern());
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "foo/*", "*.", "*.a/b", "*.*", "**.jsp", "/a\nb", "/a\tb", "jsp"})
    void rejectsInvalidPatterns(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse(pattern));
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse(null));
    }
}
