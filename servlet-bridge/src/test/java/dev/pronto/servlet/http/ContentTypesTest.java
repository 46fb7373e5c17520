package dev.pronto.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "text/html; charset=UTF-8                    | text/html               | UTF-8",
        "text/html;charset=\"utf-8\"                 | text/html               | utf-8",
        "'  text/plain ; CHARSET = ISO-8859-1 '      | text/plain              | ISO-8859-1",
        "application/json                            | application/json        | NULL",
        "multipart/form-data; boundary=\"a;charset=x\" | multipart/form-data   | NULL",
        "text/plain; format=flowed; charset=utf-8    | text/plain              | utf-8",
        "text/plain; charset=                        | text/plain              | NULL",
        "text/plain; charset=\"\"                    | text/plain              | NULL",
        "text/plain; charsetx=utf-8                  | text/plain              | NULL",
    })
    void mediaTypeAndCharset(String contentType, String mediaType, String charset) {
        assertEquals(mediaType, ContentTypes.mediaType(contentType));
        assertEquals(charset, ContentTypes.charset(contentType));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "text/html; charset=UTF-8                          | text/html",
        "text/html                                         | text/html",
        "multipart/form-data; charset=x; boundary=abc      | multipart/form-data;boundary=abc",
        "text/plain;format=flowed ;charset=\"a;b\"; delsp=yes | text/plain;format=flowed;delsp=yes",
    })
    void removeCharsetKeepsOtherParameters(String contentType, String expected) {
        assertEquals(expected, ContentTypes.removeCharset(contentType));
    }

    @Test
    void hasMediaTypeIgnoresCaseSpacesAndParameters() {
        assertTrue(ContentTypes.hasMediaType(" Application/X-WWW-Form-Urlencoded ; charset=UTF-8",
                "application/x-www-form-urlencoded"));
        assertFalse(ContentTypes.hasMediaType("application/x-www-form-urlencodedx", "application/x-www-form-urlencoded"));
        assertFalse(ContentTypes.hasMediaType(null, "text/plain"));
    }

    @Test
    void nullsPassThrough() {
        assertNull(ContentTypes.mediaType(null));
        assertNull(ContentTypes.charset(null));
        assertNull(ContentTypes.removeCharset(null));
    }

    @Test
    void unquoteHandlesQuotedPairs() {
        assertEquals("a\"b", ContentTypes.unquote("\"a\\\"b\""));
        assertEquals("plain", ContentTypes.unquote("plain"));
    }
}
