package dev.pronto.servlet.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetCookieFormatterTest {

    private static final long NOW = 784_111_777_000L; // Sun, 06 Nov 1994 08:49:37 GMT

    @Test
    void plainCookieIsNameEqualsValue() {
        assertEquals("a=b", SetCookieFormatter.format(new Cookie("a", "b"), NOW));
        assertEquals("a=", SetCookieFormatter.format(new Cookie("a", null), NOW));
    }

    @Test
    void writesStandardAttributesInOrder() {
        Cookie c = new Cookie("id", "42");
        c.setMaxAge(3600);
        c.setDomain("Example.COM");
        c.setPath("/app");
        c.setSecure(true);
        c.setHttpOnly(true);
        assertEquals("id=42; Max-Age=3600; Expires=Sun, 06 Nov 1994 09:49:37 GMT; Domain=example.com; Path=/app;"
                + " Secure; HttpOnly", SetCookieFormatter.format(c, NOW));
    }

    @Test
    void maxAgeZeroExpiresInThePast() {
        Cookie c = new Cookie("gone", "");
        c.setMaxAge(0);
        assertEquals("gone=; Expires=Thu, 01 Jan 1970 00:00:10 GMT", SetCookieFormatter.format(c, NOW));
    }

    @Test
    void negativeMaxAgeIsASessionCookie() {
        Cookie c = new Cookie("s", "1");
        c.setMaxAge(-1);
        assertEquals("s=1", SetCookieFormatter.format(c, NOW));
    }

    @Test
    void genericAttributesFollowAndEmptyValuesAreFlags() {
        Cookie c = new Cookie("a", "1");
        c.setPath("/");
        c.setAttribute("SameSite", "Lax");
        c.setAttribute("Partitioned", "");
        c.setAttribute("Priority", "High");
        // Cookie keeps attributes in case-insensitive name order
        assertEquals("a=1; Path=/; Partitioned; Priority=High; SameSite=Lax", SetCookieFormatter.format(c, NOW));
    }

    @Test
    void explicitExpiresIsKeptOnlyWithoutMaxAge() {
        Cookie c = new Cookie("a", "1");
        c.setAttribute("Expires", "Wed, 21 Oct 2015 07:28:00 GMT");
        assertEquals("a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT", SetCookieFormatter.format(c, NOW));
        c.setMaxAge(10);
        assertEquals("a=1; Max-Age=10; Expires=Sun, 06 Nov 1994 08:49:47 GMT", SetCookieFormatter.format(c, NOW));
    }

    @Test
    void secureAndHttpOnlyFalseAreOmitted() {
        Cookie c = new Cookie("a", "1");
        c.setSecure(true);
        c.setSecure(false);
        c.setHttpOnly(false);
        assertEquals("a=1", SetCookieFormatter.format(c, NOW));
    }

    @Test
    void quotedValueIsAccepted() {
        assertEquals("a=\"xyz\"", SetCookieFormatter.format(new Cookie("a", "\"xyz\""), NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "com,ma", "back\\slash", "quote\"inside", "\"a b\"", "caf\u00e9",
        "tab\t", "\""})
    void valuesOutsideCookieOctetsAreRejected(String value) {
        assertThrows(IllegalArgumentException.class, () -> SetCookieFormatter.format(new Cookie("a", value), NOW));
    }

    @Test
    void badDomainPathAndAttributeValuesAreRejected() {
        Cookie domain = new Cookie("a", "1");
        domain.setDomain("evil.com; x=y");
        assertThrows(IllegalArgumentException.class, () -> SetCookieFormatter.format(domain, NOW));
        Cookie path = new Cookie("a", "1");
        path.setPath("/a;b");
        assertThrows(IllegalArgumentException.class, () -> SetCookieFormatter.format(path, NOW));
        Cookie attr = new Cookie("a", "1");
        attr.setAttribute("SameSite", "Lax\r\nX: y");
        assertThrows(IllegalArgumentException.class, () -> SetCookieFormatter.format(attr, NOW));
    }
}
