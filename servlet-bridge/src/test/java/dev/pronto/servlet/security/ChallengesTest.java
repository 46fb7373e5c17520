package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9110 §11 credentials: scheme matching and auth-param lists. */
class ChallengesTest {

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals("abc", Challenges.credentials("basic abc", "Basic"));
        assertEquals("abc", Challenges.credentials("BASIC  abc ", "Basic"));
        assertNull(Challenges.credentials("Bearer abc", "Basic"));
        assertNull(Challenges.credentials("Basicabc", "Basic"));
        assertNull(Challenges.credentials(null, "Basic"));
    }

    @Test
    void parsesQuotedAndTokenParams() {
        Map<String, String> p = Challenges.params("username=\"Mufasa\", realm=\"a \\\"b\\\", c\", nc=00000001,"
                + " qop=auth, Response=\"x\"");
        assertEquals("Mufasa", p.get("username"));
        assertEquals("a \"b\", c", p.get("realm"));
        assertEquals("00000001", p.get("nc"));
        assertEquals("auth", p.get("qop"));
        assertEquals("x", p.get("response"));
    }

    @Test
    void rejectsMalformedLists() {
        assertNull(Challenges.params("username=\"unterminated"));
        assertNull(Challenges.params("a=1, a=2"));
        assertNull(Challenges.params("novalue"));
        assertNull(Challenges.params("a=\"1\" b=2"));
    }
}
