package dev.pronto.servlet.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterMatcherTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "/*,          /,                true",
        "/*,          /a/b,             true",
        "/,           /a/b.css,         true",
        "/,           /,                true",
        "/products/*, /products,        true",
        "/products/*, /products/a,      true",
        "/products/*, /productsx,       false",
        "/products/*, /other/products,  false",
        "/exact,      /exact,           true",
        "/exact,      /exact/,          false",
        "*.jsp,       /a/b.jsp,         true",
        "*.jsp,       /a.jsp/b,         false",
        "*.jsp,       /a/b.jspx,        false",
        "'',          /,                true",
        "'',          '',               true",
        "'',          /a,               false",
    })
    void urlPatternRules(String pattern, String path, boolean expected) {
        assertEquals(expected, FilterMatcher.patternMatches(pattern, path));
    }

    @Test
    void matchesByUrlPatternOrServletName() {
        FilterMatcher m = FilterMatcher.of(List.of("/admin/*", "*.do"), List.of("Reports"));
        assertTrue(m.matches("/admin/users", "Users"));
        assertTrue(m.matches("/x.do", "Other"));
        assertTrue(m.matches("/public", "Reports"));
        assertFalse(m.matches("/public", "Other"));
        assertFalse(m.matches(null, null));
    }

    @Test
    void starServletNameSelectsEveryServlet() {
        FilterMatcher m = FilterMatcher.of(List.of(), List.of(FilterMatcher.ALL_SERVLETS));
        assertTrue(m.matchesServletName("anything"));
        assertFalse(m.matchesPath("/anything"));
        assertFalse(m.matchesServletName(null), "a request served by no servlet has no name to match");
    }

    @Test
    void invalidPatternIsRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> FilterMatcher.of(List.of("nope"), List.of()));
    }
}
