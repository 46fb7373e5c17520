package dev.pronto.servlet.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseContentTypeTest {

    private final ResponseContentType r = new ResponseContentType();

    @Test
    void defaultsToIso88591AndNoContentType() {
        assertEquals("ISO-8859-1", r.characterEncoding());
        assertNull(r.contentTypeHeader(), "§5.2: no default content type");
    }

    @Test
    void contentTypeWithoutEncodingHasNoCharset() {
        r.setContentType("text/html");
        assertEquals("text/html", r.contentTypeHeader());
    }

    @Test
    void contentTypeCharsetSetsTheEncoding() {
        r.setContentType("text/html; charset=UTF-8");
        assertEquals("UTF-8", r.characterEncoding());
        assertEquals("text/html;charset=UTF-8", r.contentTypeHeader());
    }

    @Test
    void setCharacterEncodingCombinesWithContentType() {
        r.setContentType("text/html");
        r.setCharacterEncoding("UTF-8");
        assertEquals("text/html;charset=UTF-8", r.contentTypeHeader());
        r.setContentType("text/plain");
        assertEquals("text/plain;charset=UTF-8", r.contentTypeHeader(), "a type without charset keeps the encoding");
    }

    @Test
    void laterExplicitCallWins() {
        r.setCharacterEncoding("UTF-8");
        r.setContentType("text/html;charset=UTF-16");
        assertEquals("UTF-16", r.characterEncoding());
        r.setCharacterEncoding("windows-1252");
        assertEquals("text/html;charset=windows-1252", r.contentTypeHeader());
    }

    @Test
    void localeCharsetAppliesOnlyWithoutExplicitEncoding() {
        r.setLocaleCharset("Shift_JIS");
        assertEquals("Shift_JIS", r.characterEncoding());
        r.setLocaleCharset("EUC-KR");
        assertEquals("EUC-KR", r.characterEncoding(), "a later setLocale may change an implicit encoding");
        r.setCharacterEncoding("UTF-8");
        r.setLocaleCharset("Shift_JIS");
        assertEquals("UTF-8", r.characterEncoding());
    }

    @Test
    void localeCharsetAfterContentTypeCharsetHasNoEffect() {
        r.setContentType("text/html;charset=UTF-8");
        r.setLocaleCharset("Shift_JIS");
        assertEquals("UTF-8", r.characterEncoding());
    }

    @Test
    void localeWithoutMappingChangesNothing() {
        r.setLocaleCharset(null);
        assertEquals("ISO-8859-1", r.characterEncoding());
    }

    @Test
    void encodingIsFrozenOnceTheWriterIsObtained() {
        r.setContentType("text/html");
        r.onWriterObtained();
        assertEquals("text/html;charset=ISO-8859-1", r.contentTypeHeader(), "getWriter fixes ISO-8859-1");
        r.setCharacterEncoding("UTF-8");
        r.setContentType("text/plain;charset=UTF-8");
        r.setLocaleCharset("Shift_JIS");
        assertEquals("ISO-8859-1", r.characterEncoding());
        assertEquals("text/plain;charset=ISO-8859-1", r.contentTypeHeader(), "the type still changes, not the charset");
    }

    @Test
    void nullClearsRequestLevelSettingsButNotTheContextDefault() {
        ResponseContentType withDefault = new ResponseContentType("UTF-8");
        withDefault.setContentType("text/html;charset=UTF-16");
        withDefault.setCharacterEncoding(null);
        assertEquals("UTF-8", withDefault.characterEncoding());
        withDefault.setContentType(null);
        assertNull(withDefault.contentTypeHeader());
        withDefault.setContentType("text/xml");
        assertEquals("text/xml;charset=UTF-8", withDefault.contentTypeHeader());
    }

    @Test
    void nullContentTypeClearsEncodingToo() {
        r.setContentType("text/html;charset=UTF-8");
        r.setContentType(null);
        assertNull(r.contentTypeHeader());
        assertEquals("ISO-8859-1", r.characterEncoding());
        r.setLocaleCharset("Shift_JIS");
        assertEquals("Shift_JIS", r.characterEncoding(), "after clearing, setLocale may set it again");
    }

    @Test
    void otherParametersAreKept() {
        r.setContentType("multipart/mixed; boundary=xyz; charset=UTF-8");
        assertEquals("multipart/mixed;boundary=xyz;charset=UTF-8", r.contentTypeHeader());
    }

    @Test
    void commitFreezesEverything() {
        r.setContentType("text/html");
        r.onCommitted();
        r.setContentType("text/plain;charset=UTF-8");
        r.setCharacterEncoding("UTF-8");
        assertEquals("text/html", r.contentTypeHeader());
        assertEquals("ISO-8859-1", r.characterEncoding());
    }

    @Test
    void resetForgetsTypeEncodingAndWriter() {
        r.setContentType("text/html;charset=UTF-8");
        r.onWriterObtained();
        r.reset();
        assertNull(r.contentTypeHeader());
        r.setCharacterEncoding("UTF-16");
        assertEquals("UTF-16", r.characterEncoding());
    }

    @Test
    void headerIsCachedUntilAChange() {
        r.setContentType("text/html;charset=UTF-8");
        assertSame(r.contentTypeHeader(), r.contentTypeHeader());
    }

    @Test
    void charsetResolvesOrReportsUnsupportedEncoding() throws Exception {
        r.setCharacterEncoding("utf-8");
        assertEquals(StandardCharsets.UTF_8, r.charset());
        r.setCharacterEncoding("no-such-charset");
        assertThrows(UnsupportedEncodingException.class, r::charset);
        r.setCharacterEncoding("bad name!");
        assertThrows(UnsupportedEncodingException.class, r::charset);
    }
}
