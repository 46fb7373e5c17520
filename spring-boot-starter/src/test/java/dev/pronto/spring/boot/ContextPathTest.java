package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code server.servlet.context-path}: the application lives under it, the container redirects its bare form. */
class ContextPathTest extends FactoryTestSupport {

    @Test
    void rootContextByDefault() throws Exception {
        start(servlet("/paths/*", new TestServlets.Paths()));
        assertEquals("|/paths|/a|/paths/a", get("/paths/a").body());
    }

    @Test
    void applicationIsServedUnderTheContextPath() throws Exception {
        factory.setContextPath("/app");
        start(servlet("/paths/*", new TestServlets.Paths()));
        assertEquals("/app|/paths|/a|/app/paths/a", get("/app/paths/a").body());
        assertEquals(404, get("/paths/a").statusCode());
    }

    @Test
    void bareContextPathRedirectsToItsRoot() throws Exception {
        factory.setContextPath("/app");
        start(servlet("/", new TestServlets.Text("root")));
        var response = get("/app?x=1");
        assertEquals(302, response.statusCode());
        assertEquals("/app/?x=1", response.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""));
        assertEquals("root", get("/app/").body());
    }
}
