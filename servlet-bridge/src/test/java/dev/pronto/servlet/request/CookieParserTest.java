package dev.pronto.servlet.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookieParserTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a=1                          | a=1",
        "a=1; b=2                     | a=1,b=2",
        "a=1;b=2;c=3                  | a=1,b=2,c=3",
        "'  a = 1 ;  b=2  '           | a=1,b=2",
        "a=\"quoted\"                 | a=\"quoted\"",
        "a=\"\"                       | a=\"\"",
        "a=                           | a=",
        "a=x=y                        | a=x=y",
        "noequals; b=2                | b=2",
        "=novalue; b=2                | b=2",
        "bad name=1; b=2              | b=2",
        "a=has space; b=2             | b=2",
        "a=comma,inside; b=2          | b=2",
        "a=\"unterminated; b=2        | b=2",
        "a=back\\slash; b=2           | b=2",
        "Path=/; b=2                  | Path=/,b=2",
        "a=1;;; b=2;                  | a=1,b=2",
        "''                           | ''",
        "JSESSIONID=AB12; a=b%20c     | JSESSIONID=AB12,a=b%20c",
    })
    void parsesLikeRfc6265(String header, String expected) {
        assertEquals(expected, render(CookieParser.parse(header)));
    }

    @Test
    void readsEveryHeaderLineInOrder() {
        Cookie[] cookies = CookieParser.parse(List.of("a=1; b=2", "c=3"));
        assertEquals("a=1,b=2,c=3", render(cookies));
    }

    @Test
    void nothingGivesAnEmptyArray() {
        assertEquals(0, CookieParser.parse((String) null).length);
        assertEquals(0, CookieParser.parse(List.of()).length);
    }

    @Test
    void nameValidationOfTheServletApiIsRespected() {
        // '/' is a token character per RFC 9110 but the Servlet Cookie constructor refuses it
        assertEquals("b=2", render(CookieParser.parse("a/b=1; b=2")));
    }

    private static String render(Cookie[] cookies) {
        return Arrays.stream(cookies).map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining(","));
    }
}
