package dev.pronto.servlet.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.response.SetCookieFormatter;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@SuppressWarnings("removal")
class SessionCookieConfigImplTest {

    private final SessionCookieConfigImpl config = new SessionCookieConfigImpl();

    @Test
    void defaults() {
        assertEquals("JSESSIONID", config.getName());
        assertTrue(config.isHttpOnly());
        assertFalse(config.isSecure());
        assertEquals(-1, config.getMaxAge());
        assertNull(config.getPath());
        assertNull(config.getDomain());
        assertNull(config.getComment());
        assertEquals(Map.of("HttpOnly", "true"), config.getAttributes());
    }

    @Test
    void dedicatedSettersAndAttributesAgree() {
        config.setMaxAge(60);
        config.setSecure(true);
        config.setDomain("example.com");
        config.setPath("/app");
        config.setHttpOnly(false);
        assertEquals("60", config.getAttribute("max-age"));
        assertEquals("true", config.getAttribute("SECURE"));
        assertEquals("example.com", config.getAttribute("Domain"));
        assertEquals("/app", config.getAttribute("path"));
        assertNull(config.getAttribute("HttpOnly"));

        config.setAttribute("Max-Age", " 120 ");
        config.setAttribute("Secure", "");
        config.setAttribute("HttpOnly", "true");
        config.setAttribute("Path", null);
        assertEquals(120, config.getMaxAge());
        assertTrue(config.isSecure());
        assertTrue(config.isHttpOnly());
        assertNull(config.getPath());
    }

    @Test
    void attributeValidation() {
        assertThrows(NumberFormatException.class, () -> config.setAttribute("Max-Age", "soon"));
        assertThrows(IllegalArgumentException.class, () -> config.setAttribute("Bad Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> config.setAttribute(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> config.setName("bad name"));
        assertThrows(IllegalArgumentException.class, () -> config.setName(""));
    }

    @Test
    void attributesViewIsReadOnlyAndCaseInsensitive() {
        config.setAttribute("SameSite", "Strict");
        Map<String, String> attributes = config.getAttributes();
        assertEquals("Strict", attributes.get("samesite"));
        assertThrows(UnsupportedOperationException.class, () -> attributes.put("x", "y"));
    }

    @Test
    void everySetterThrowsOnceLocked() {
        config.lock();
        List<Executable> setters = List.of(
                () -> config.setName("X"), () -> config.setDomain("d"), () -> config.setPath("/"),
                () -> config.setComment("c"), () -> config.setHttpOnly(false), () -> config.setSecure(true),
                () -> config.setMaxAge(1), () -> config.setAttribute("SameSite", "Lax"));
        for (Executable setter : setters) {
            assertThrows(IllegalStateException.class, setter);
        }
        assertEquals("JSESSIONID", config.getName());
    }

    @Test
    void sessionCookieUsesContextPathAndDefaults() {
        Cookie root = config.newSessionCookie("abc", "", false);
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly", SetCookieFormatter.format(root));
        Cookie app = config.newSessionCookie("abc", "/shop", true);
        assertEquals("JSESSIONID=abc; Path=/shop; Secure; HttpOnly", SetCookieFormatter.format(app));
    }

    @Test
    void sessionCookieCarriesEveryConfiguredAttribute() {
        config.setName("SID");
        config.setDomain("example.com");
        config.setPath("/x");
        config.setMaxAge(0);
        config.setSecure(true);
        config.setHttpOnly(false);
        config.setAttribute("SameSite", "Lax");
        config.setAttribute("Partitioned", "");
        Cookie c = config.newSessionCookie("id1", "/ignored", false);
        assertEquals("SID=id1; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Domain=example.com; Path=/x; Secure;"
                + " Partitioned; SameSite=Lax", SetCookieFormatter.format(c));
    }
}
