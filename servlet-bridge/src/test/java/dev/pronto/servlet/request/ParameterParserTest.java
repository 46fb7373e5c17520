package dev.pronto.servlet.request;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterParserTest {

    @Test
    void queryValuesComeBeforeBodyValues() {
        // Servlet 6.1 §3.1: query a=hello, body a=goodbye&a=world gives a=(hello, goodbye, world)
        byte[] body = "a=goodbye&a=world".getBytes(ISO_8859_1);
        Map<String, String[]> map = new ParameterParser()
                .addQueryString("a=hello", UTF_8)
                .addForm(body, 0, body.length, ISO_8859_1)
                .toMap();
        assertArrayEquals(new String[] {"hello", "goodbye", "world"}, map.get("a"));
    }

    @Test
    void keepsInsertionOrderOfNames() {
        Map<String, String[]> map = new ParameterParser().addQueryString("z=1&a=2&m=3&a=4", UTF_8).toMap();
        assertEquals(List.of("z", "a", "m"), List.copyOf(map.keySet()));
        assertArrayEquals(new String[] {"2", "4"}, map.get("a"));
    }

    @Test
    void decodesPlusAndPercentEscapesWithTheGivenCharset() {
        ParameterParser p = new ParameterParser().addQueryString("q=caf%C3%A9+au+lait&na%6De=x%2By", UTF_8);
        assertArrayEquals(new String[] {"caf\u00e9 au lait"}, p.values("q"));
        assertArrayEquals(new String[] {"x+y"}, p.values("name"));
        byte[] latin = "q=caf%E9".getBytes(ISO_8859_1);
        assertArrayEquals(new String[] {"caf\u00e9"},
                new ParameterParser().addForm(latin, 0, latin.length, ISO_8859_1).values("q"));
    }

    @Test
    void missingValuesAndEmptyPairs() {
        Map<String, String[]> map = new ParameterParser().addQueryString("&a&b=&&=orphan&c=1=2&", UTF_8).toMap();
        assertArrayEquals(new String[] {""}, map.get("a"));
        assertArrayEquals(new String[] {""}, map.get("b"));
        assertArrayEquals(new String[] {"1=2"}, map.get("c"));
        assertEquals(3, map.size(), "a pair with an empty name is dropped");
    }

    @Test
    void malformedEscapesAreKeptLiterally() {
        ParameterParser p = new ParameterParser().addQueryString("a=100%&b=%zz&c=%4&d=%%41", UTF_8);
        assertArrayEquals(new String[] {"100%"}, p.values("a"));
        assertArrayEquals(new String[] {"%zz"}, p.values("b"));
        assertArrayEquals(new String[] {"%4"}, p.values("c"));
        assertArrayEquals(new String[] {"%A"}, p.values("d"));
    }

    @Test
    void invalidBytesForTheCharsetBecomeReplacementCharacters() {
        ParameterParser p = new ParameterParser().addQueryString("a=%FF%FE", UTF_8);
        assertEquals("\uFFFD\uFFFD", p.values("a")[0]);
    }

    @Test
    void parsesASliceOfTheBodyArray() {
        byte[] data = "XXXa=1&b=2YYY".getBytes(ISO_8859_1);
        ParameterParser p = new ParameterParser().addForm(data, 3, 7, ISO_8859_1);
        assertArrayEquals(new String[] {"1"}, p.values("a"));
        assertArrayEquals(new String[] {"2"}, p.values("b"));
        assertEquals(2, p.count());
    }

    @Test
    void parameterCountLimitThrowsIllegalState() {
        ParameterParser p = new ParameterParser(3);
        p.addQueryString("a=1&b=2&a=3", UTF_8);
        assertThrows(IllegalStateException.class, () -> p.addQueryString("d=4", UTF_8));
    }

    @Test
    void defaultLimitIsTenThousand() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= ParameterParser.DEFAULT_MAX_PARAMETERS; i++) {
            sb.append("p").append(i).append("=&");
        }
        assertThrows(IllegalStateException.class, () -> new ParameterParser().addQueryString(sb.toString(), UTF_8));
    }

    @Test
    void resultIsUnmodifiableAndEmptyForNothing() {
        Map<String, String[]> map = new ParameterParser().addQueryString(null, UTF_8).addQueryString("", UTF_8).toMap();
        assertTrue(map.isEmpty());
        Map<String, String[]> filled = new ParameterParser().addQueryString("a=1", UTF_8).toMap();
        assertThrows(UnsupportedOperationException.class, () -> filled.put("b", new String[0]));
        assertEquals(0, new ParameterParser().values("missing").length);
    }
}
