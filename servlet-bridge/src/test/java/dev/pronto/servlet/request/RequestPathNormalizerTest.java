package dev.pronto.servlet.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pronto.servlet.request.BadRequestPathException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathNormalizerTest {

    private static final RequestPathNormalizer STRICT = RequestPathNormalizer.STRICT;

    /** Servlet 6.1 §3.5.2, "Example URIs": every row, with the first reason this implementation reports. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "foo/bar                     | 400:NOT_ABSOLUTE",
        "/foo/bar                    | /foo/bar",
        "/foo/bar;jsessionid=1234    | /foo/bar",
        "/foo/bar/                   | /foo/bar/",
        "/foo/bar/;jsessionid=1234   | /foo/bar/",
        "/foo;/bar;                  | /foo/bar",
        "/foo;/bar;/;                | /foo/bar/",
        "/foo%00/bar/                | 400:CONTROL_CHARACTER",
        "/foo%7Fbar                  | 400:CONTROL_CHARACTER",
        "/foo%2Fbar                  | 400:ENCODED_SLASH",
        "/foo%2Fb%25r                | 400:ENCODED_SLASH",
        "/foo/b%25r                  | /foo/b%r",
        "/foo\\bar                   | 400:BACKSLASH",
        "/foo%5Cbar                  | 400:BACKSLASH",
        "/foo;%2F/bar                | 400:ENCODED_SLASH",
        "/foo/./bar                  | /foo/bar",
        "/foo/././bar                | /foo/bar",
        "/./foo/bar                  | /foo/bar",
        "/foo/%2e/bar                | 400:ENCODED_DOT_SEGMENT",
        "/foo/.;/bar                 | 400:DOT_SEGMENT_WITH_PARAMETERS",
        "/foo/%2e;/bar               | 400:DOT_SEGMENT_WITH_PARAMETERS",
        "/foo/.%2Fbar                | 400:ENCODED_SLASH",
        "/foo/.%5Cbar                | 400:BACKSLASH",
        "/foo/bar/.                  | /foo/bar",
        "/foo/bar/./                 | /foo/bar/",
        "/foo/bar/.;                 | 400:DOT_SEGMENT_WITH_PARAMETERS",
        "/foo/bar/./;                | /foo/bar/",
        "/foo/.bar                   | /foo/.bar",
        "/foo/../bar                 | /bar",
        "/foo/../../bar              | 400:LEADING_DOT_DOT",
        "/../foo/bar                 | 400:LEADING_DOT_DOT",
        "/foo/%2e%2E/bar             | 400:ENCODED_DOT_SEGMENT",
        "/foo/%2e%2e/%2E%2E/bar      | 400:ENCODED_DOT_SEGMENT",
        "/foo/./../bar               | /bar",
        "/foo/..;/bar                | 400:DOT_SEGMENT_WITH_PARAMETERS",
        "/foo/%2e%2E;/bar            | 400:DOT_SEGMENT_WITH_PARAMETERS",
        "/foo/..%2Fbar               | 400:ENCODED_SLASH",
        "/foo/..%5Cbar               | 400:BACKSLASH",
        "/foo/bar/..                 | /foo",
        "/foo/bar/../                | /foo/",
        "/foo/bar/..;                | 400:DOT_SEGMENT_WITH_PARAMETERS",
        "/foo/bar/../;               | /foo/",
        "/foo/..bar                  | /foo/..bar",
        "/foo/.../bar                | /foo/.../bar",
        "/foo//bar                   | /foo/bar",
        "//foo//bar//                | /foo/bar/",
        "/;/foo;/;/bar/;/;           | 400:EMPTY_SEGMENT_WITH_PARAMETERS",
        "/foo//../bar                | /bar",
        "/foo/;/../bar               | 400:EMPTY_SEGMENT_WITH_PARAMETERS",
        "/foo%E2%82%ACbar            | /foo\u20acbar",
        "/foo%20bar                  | /foo bar",
        "/foo%E2%82                  | 400:INVALID_UTF8",
        "/foo%E2%82bar               | 400:INVALID_UTF8",
        "/foo%-1/bar                 | 400:INVALID_ENCODING",
        "/foo%XX/bar                 | 400:INVALID_ENCODING",
        "/foo%/bar                   | 400:INVALID_ENCODING",
        "/foo/bar%0                  | 400:INVALID_ENCODING",
        "/good%20/bad%/%20mix%       | 400:INVALID_ENCODING",
        "/foo/bar?q                  | /foo/bar",
        "/foo/bar#f                  | 400:FRAGMENT",
        "/foo/bar?q#f                | 400:FRAGMENT",
        "/foo/bar/?q                 | /foo/bar/",
        "/foo/bar/#f                 | 400:FRAGMENT",
        "/foo/bar/?q#f               | 400:FRAGMENT",
        "/foo/bar;?q                 | /foo/bar",
        "/foo/bar;#f                 | 400:FRAGMENT",
        "/foo/bar;?q#f               | 400:FRAGMENT",
        "/                           | /",
        "//                          | /",
        "/;/                         | 400:EMPTY_SEGMENT_WITH_PARAMETERS",
        "/.                          | /",
        "/..                         | 400:LEADING_DOT_DOT",
        "/./                         | /",
        "/../                        | 400:LEADING_DOT_DOT",
        "foo/bar/                    | 400:NOT_ABSOLUTE",
        "./foo/bar/                  | 400:NOT_ABSOLUTE",
        "%2e/foo/bar/                | 400:NOT_ABSOLUTE",
        "../foo/bar/                 | 400:NOT_ABSOLUTE",
        ".%2e/foo/bar/               | 400:NOT_ABSOLUTE",
        ";/foo/bar/                  | 400:NOT_ABSOLUTE",
        "'/#f'                       | 400:FRAGMENT",
        "'#f'                        | 400:FRAGMENT",
        "/?q                         | /",
        "?q                          | 400:NOT_ABSOLUTE",
    })
    void specExampleUris(String raw, String expected) {
        if (expected.startsWith("400:")) {
            BadRequestPathException e = assertThrows(BadRequestPathException.class, () -> STRICT.canonicalize(raw));
            assertEquals(Reason.valueOf(expected.substring(4)), e.reason());
        } else {
            assertEquals(expected, STRICT.canonicalize(raw));
        }
    }

    @Test
    void alreadyCanonicalPathIsReturnedWithoutCopy() {
        String path = "/api/users/123.json";
        assertSame(path, STRICT.canonicalize(path));
    }

    @Test
    void decodesUtf8AndReservedCharacters() {
        assertEquals("/caf\u00e9/a b/?&=", STRICT.canonicalize("/caf%C3%A9/a%20b/%3F%26%3D"));
    }

    @Test
    void rejectsRawNonAsciiAndRawControlCharacters() {
        assertEquals(Reason.NON_ASCII, reason("/caf\u00e9"));
        assertEquals(Reason.CONTROL_CHARACTER, reason("/a\tb"));
    }

    @Test
    void rejectsDecodedC1ControlsAndOverlongUtf8() {
        assertEquals(Reason.CONTROL_CHARACTER, reason("/a%C2%80b"));
        // an overlong "." must never become a dot segment
        assertEquals(Reason.INVALID_UTF8, reason("/a/%C0%AE%C0%AE/b"));
    }

    @Test
    void encodedSlashCanBeAllowedAndStaysEncoded() {
        RequestPathNormalizer lenient = new RequestPathNormalizer(true, false);
        assertEquals("/foo%2Fb%25r", lenient.canonicalize("/foo%2Fb%25r"));
        assertEquals("/foo/b%25r", lenient.canonicalize("/foo/b%25r"));
        assertEquals("/foo/..%2Fbar", lenient.canonicalize("/foo/..%2Fbar"));
        assertEquals(Reason.BACKSLASH,
                assertThrows(BadRequestPathException.class, () -> lenient.canonicalize("/a%5Cb")).reason());
    }

    @Test
    void backslashCanBeAllowedAndIsKeptAsACharacter() {
        RequestPathNormalizer lenient = new RequestPathNormalizer(false, true);
        assertEquals("/foo\\bar", lenient.canonicalize("/foo%5Cbar"));
        assertEquals("/foo\\bar", lenient.canonicalize("/foo\\bar"));
        assertEquals(Reason.ENCODED_SLASH,
                assertThrows(BadRequestPathException.class, () -> lenient.canonicalize("/a%2Fb")).reason());
    }

    @Test
    void absoluteFormTargetIsReducedToItsPath() {
        assertEquals("/a/b", STRICT.canonicalize("http://example.com:8080/a/./b?x=1"));
        assertEquals("/", STRICT.canonicalize("https://example.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/a;jsessionid=1/b%20c?x=1       | /a;jsessionid=1/b%20c",
        "/a/b                            | /a/b",
        "/a/b?                           | /a/b",
        "http://host:8080/p%20q?x        | /p%20q",
        "http://host                     | /",
        "http://host?x=1                 | /",
        "*                               | *",
        "../x?y                          | ../x",
    })
    void rawPathIsTheUndecodedRequestUri(String target, String expected) {
        assertEquals(expected, RequestPathNormalizer.rawPath(target));
    }

    @Test
    void rawPathDropsTheFragment() {
        assertEquals("/a/b", RequestPathNormalizer.rawPath("/a/b#frag"));
    }

    @Test
    void pathParameterFindsTheSessionId() {
        assertEquals("ABC", RequestPathNormalizer.pathParameter("/a;jsessionid=ABC/b", "jsessionid"));
        assertEquals("Z", RequestPathNormalizer.pathParameter("/a/b;x=1;jsessionid=Z;y=2?q", "jsessionid"));
        assertEquals("", RequestPathNormalizer.pathParameter("/a;jsessionid=", "jsessionid"));
        assertNull(RequestPathNormalizer.pathParameter("/a/b?jsessionid=Q;jsessionid=Q", "jsessionid"));
        assertNull(RequestPathNormalizer.pathParameter("/a/b", "jsessionid"));
    }

    @Test
    void exceptionCarriesPathAndReasonWithoutStackTrace() {
        BadRequestPathException e = assertThrows(BadRequestPathException.class, () -> STRICT.canonicalize("/../x"));
        assertEquals("/../x", e.path());
        assertEquals(0, e.getStackTrace().length);
    }

    private static Reason reason(String raw) {
        return assertThrows(BadRequestPathException.class, () -> STRICT.canonicalize(raw)).reason();
    }
}
