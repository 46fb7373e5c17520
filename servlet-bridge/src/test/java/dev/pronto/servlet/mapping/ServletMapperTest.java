package dev.pronto.servlet.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServletMapperTest {

    /** Servlet 6.1 §12.2.2, Table 12-1, plus a default servlet for the row that falls through. */
    private static final ServletMapper<String> SPEC_TABLE = ServletMapper.<String>builder()
            .add("/foo/bar/*", "servlet1", "servlet1")
            .add("/baz/*", "servlet2", "servlet2")
            .add("/catalog", "servlet3", "servlet3")
            .add("*.bop", "servlet4", "servlet4")
            .add("/", "default", "default")
            .build();

    /** The servlet of the HttpServletMapping Javadoc example, plus a default servlet. */
    private static final ServletMapper<String> JAVADOC_EXAMPLE = ServletMapper.<String>builder()
            .add("/MyServlet", "MyServlet", "MyServlet")
            .add("", "MyServlet", "MyServlet")
            .add("*.extension", "MyServlet", "MyServlet")
            .add("/path/*", "MyServlet", "MyServlet")
            .add("/", "default", "default")
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
        // path,                  target,   servletPath,            pathInfo,      match,     matchValue
        "/foo/bar/index.html,     servlet1, /foo/bar,               /index.html,   PATH,      index.html",
        "/foo/bar/index.bop,      servlet1, /foo/bar,               /index.bop,    PATH,      index.bop",
        "/baz,                    servlet2, /baz,                   NULL,          PATH,      ''",
        "/baz/index.html,         servlet2, /baz,                   /index.html,   PATH,      index.html",
        "/catalog,                servlet3, /catalog,               NULL,          EXACT,     catalog",
        "/catalog/index.html,     default,  /catalog/index.html,    NULL,          DEFAULT,   ''",
        "/catalog/racecar.bop,    servlet4, /catalog/racecar.bop,   NULL,          EXTENSION, catalog/racecar",
        "/index.bop,              servlet4, /index.bop,             NULL,          EXTENSION, index",
    })
    void specExampleMappingSet(String path, String target, String servletPath, String pathInfo,
                               MappingMatch match, String matchValue) {
        assertResult(SPEC_TABLE.map(path), target, servletPath, pathInfo, match, matchValue);
    }

    @ParameterizedTest(name = "\"{0}\" -> {4}")
    @CsvSource(nullValues = "NULL", value = {
        "'',                   MyServlet, '',                     /,         CONTEXT_ROOT, ''",
        "/,                    MyServlet, '',                     /,         CONTEXT_ROOT, ''",
        "/index.html,          default,   /index.html,            NULL,      DEFAULT,      ''",
        "/MyServlet/index.html, default,  /MyServlet/index.html,  NULL,      DEFAULT,      ''",
        "/MyServlet,           MyServlet, /MyServlet,             NULL,      EXACT,        MyServlet",
        "/MyServlet/foo,       default,   /MyServlet/foo,         NULL,      DEFAULT,      ''",
        "/foo.extension,       MyServlet, /foo.extension,         NULL,      EXTENSION,    foo",
        "/bar/foo.extension,   MyServlet, /bar/foo.extension,     NULL,      EXTENSION,    bar/foo",
        "/path/foo,            MyServlet, /path,                  /foo,      PATH,         foo",
        "/path/foo/bar,        MyServlet, /path,                  /foo/bar,  PATH,         foo/bar",
    })
    void httpServletMappingJavadocExamples(String path, String target, String servletPath, String pathInfo,
                                           MappingMatch match, String matchValue) {
        MappingResult<String> r = JAVADOC_EXAMPLE.map(path);
        assertResult(r, target, servletPath, pathInfo, match, matchValue);
        HttpServletMapping m = r.mapping();
        String expectedPattern = switch (match) {
            case CONTEXT_ROOT -> "";
            case DEFAULT -> "/";
            case EXACT -> "/MyServlet";
            case EXTENSION -> "*.extension";
            case PATH -> "/path/*";
        };
        assertEquals(expectedPattern, m.getPattern());
    }

    private static void assertResult(MappingResult<String> r, String target, String servletPath, String pathInfo,
                                     MappingMatch match, String matchValue) {
        assertEquals(target, r.target());
        assertEquals(servletPath, r.servletPath());
        assertEquals(pathInfo, r.pathInfo());
        assertEquals(match, r.mapping().getMappingMatch());
        assertEquals(matchValue, r.mapping().getMatchValue());
        assertEquals(target, r.mapping().getServletName());
    }

    @Test
    void defaultServletGetsWholePathAsServletPath() {
        ServletMapper<String> m = ServletMapper.<String>builder().add("/", "default", "d").build();
        MappingResult<String> r = m.map("/a/b.txt");
        assertEquals("/a/b.txt", r.servletPath());
        assertNull(r.pathInfo());
        assertEquals("", r.mapping().getMatchValue());
        assertEquals("/", m.map("").servletPath());
    }

    @Test
    void slashStarCoversTheRootWithEmptyServletPath() {
        ServletMapper<String> m = ServletMapper.<String>builder().add("/*", "all", "all").build();
        MappingResult<String> root = m.map("/");
        assertEquals("", root.servletPath());
        assertEquals("/", root.pathInfo());
        assertEquals(MappingMatch.PATH, root.mapping().getMappingMatch());
        assertEquals("", root.mapping().getMatchValue());
        MappingResult<String> deep = m.map("/x/y");
        assertEquals("", deep.servletPath());
        assertEquals("/x/y", deep.pathInfo());
        assertEquals("x/y", deep.mapping().getMatchValue());
    }

    @Test
    void nothingMatchesWithoutDefault() {
        ServletMapper<String> m = ServletMapper.<String>builder().add("/a", "a", "a").add("*.jsp", "j", "j").build();
        assertNull(m.map("/b"));
        assertNull(m.map("/"));
        assertNull(m.map("/a/b"));
        assertNull(ServletMapper.<String>builder().build().map("/x"));
    }

    @Test
    void exactBeatsPrefixAndLongestPrefixWins() {
        ServletMapper<String> m = ServletMapper.<String>builder()
                .add("/a/*", "short", "short")
                .add("/a/b/*", "long", "long")
                .add("/a/b", "exact", "exact")
                .add("/*", "all", "all")
                .build();
        assertEquals("exact", m.map("/a/b").target());
        assertEquals("long", m.map("/a/b/c").target());
        assertEquals("/a/b", m.map("/a/b/c").servletPath());
        assertEquals("/", m.map("/a/b/").pathInfo());
        assertEquals("short", m.map("/a/bc").target());
        assertEquals("short", m.map("/a").target());
        assertEquals("all", m.map("/ab").target());
    }

    @Test
    void prefixBeatsExtensionAndExtensionBeatsDefault() {
        ServletMapper<String> m = ServletMapper.<String>builder()
                .add("/static/*", "static", "static")
                .add("*.jsp", "jsp", "jsp")
                .add("/", "default", "default")
                .build();
        assertEquals("static", m.map("/static/x.jsp").target());
        assertEquals("jsp", m.map("/x.jsp").target());
        assertEquals("default", m.map("/x.jspx").target());
    }

    @Test
    void extensionIsTakenFromLastSegmentOnly() {
        ServletMapper<String> m = ServletMapper.<String>builder().add("*.do", "do", "do").build();
        assertNull(m.map("/a.do/b"));
        assertNull(m.map("/a.do/"));
        assertEquals("do", m.map("/x.y/a.b.do").target());
        assertEquals("x.y/a.b", m.map("/x.y/a.b.do").mapping().getMatchValue());
        assertNull(m.map("/a.DO"), "matching is case-sensitive (Servlet 6.1 §12.1)");
    }

    @Test
    void longPathsBeyondLongestPrefixStillMatch() {
        ServletMapper<String> m = ServletMapper.<String>builder().add("/api/*", "api", "api").build();
        MappingResult<String> r = m.map("/api/very/long/path/that/goes/on/and/on");
        assertEquals("/api", r.servletPath());
        assertEquals("/very/long/path/that/goes/on/and/on", r.pathInfo());
        assertNull(m.map("/apiary/x"));
    }

    @Test
    void exactAndContextRootResultsAreSharedInstances() {
        assertSame(JAVADOC_EXAMPLE.map("/MyServlet"), JAVADOC_EXAMPLE.map("/MyServlet"));
        assertSame(JAVADOC_EXAMPLE.map(""), JAVADOC_EXAMPLE.map("/"));
    }

    @Test
    void duplicatePatternNamesBothServlets() {
        ServletMapper.Builder<String> b = ServletMapper.<String>builder().add("/a/*", "first", "1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.add("/a/*", "second", "2"));
        assertTrue(e.getMessage().contains("first"), e.getMessage());
        assertTrue(e.getMessage().contains("second"), e.getMessage());
        assertTrue(e.getMessage().contains("/a/*"), e.getMessage());
    }

    @Test
    void isMappedReportsRegisteredPatterns() {
        assertTrue(SPEC_TABLE.isMapped("/baz/*"));
        assertTrue(SPEC_TABLE.isMapped("*.bop"));
        assertTrue(SPEC_TABLE.isMapped("/"));
        assertFalse(SPEC_TABLE.isMapped("/baz"));
        assertFalse(SPEC_TABLE.isMapped(""));
    }
}
