package dev.pronto.servlet.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.resource.ByteRanges.Kind;
import dev.pronto.servlet.resource.ByteRanges.Range;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 §14.1.2 range sets and the default servlet's entity-tag comparisons. */
class ByteRangesTest {

    @ParameterizedTest(name = "{0} of 100 -> {1}")
    @CsvSource(delimiter = '|', value = {
        "bytes=0-9         | 0+10",
        "bytes=10-         | 10+90",
        "bytes=-10         | 90+10",
        "bytes=-1000       | 0+100",
        "bytes=95-1000     | 95+5",
        "BYTES = 1-1       | 1+1",
        "bytes=0-0,-1      | 0+1 99+1",
        "bytes=0-4, 10-14  | 0+5 10+5",
        "bytes=200-,0-1    | 0+2",
        "bytes=99999999999999999999999-  | UNSATISFIABLE",
        "bytes=100-        | UNSATISFIABLE",
        "bytes=-0          | UNSATISFIABLE",
        "bytes=5-2         | IGNORED",
        "bytes=a-b         | IGNORED",
        "bytes=            | IGNORED",
        "bytes=1           | IGNORED",
        "items=0-1         | IGNORED",
        "bytes=0-,0-       | IGNORED",
        "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,10-10,11-11,12-12,13-13,14-14,15-15,16-16 | IGNORED",
    })
    void rangesOfAHundredBytes(String header, String expected) {
        ByteRanges ranges = ByteRanges.parse(header, 100);
        if (expected.equals("UNSATISFIABLE") || expected.equals("IGNORED")) {
            assertEquals(Kind.valueOf(expected), ranges.kind());
            return;
        }
        assertEquals(Kind.SATISFIABLE, ranges.kind());
        StringBuilder actual = new StringBuilder();
        for (Range r : ranges.ranges()) {
            actual.append(actual.length() == 0 ? "" : " ").append(r.start()).append('+').append(r.length());
        }
        assertEquals(expected, actual.toString());
    }

    @Test
    void emptyRepresentationHasNoSatisfiableRange() {
        assertEquals(Kind.UNSATISFIABLE, ByteRanges.parse("bytes=0-", 0).kind());
        assertEquals(Kind.UNSATISFIABLE, ByteRanges.parse("bytes=-5", 0).kind());
    }

    @Test
    void contentRangeValue() {
        assertEquals("bytes 0-9/100", new Range(0, 10).contentRange(100));
        assertEquals(List.of(new Range(90, 10)), ByteRanges.parse("bytes=-10", 100).ranges());
    }

    @Test
    void entityTagComparisons() {
        String current = "\"18b-2a\"";
        assertTrue(EntityTags.listMatches("\"x\", \"18b-2a\"", current, true));
        assertTrue(EntityTags.listMatches("W/\"18b-2a\"", current, false), "weak comparison");
        assertFalse(EntityTags.listMatches("W/\"18b-2a\"", current, true), "strong comparison refuses weak tags");
        assertTrue(EntityTags.listMatches("*", current, true));
        assertFalse(EntityTags.listMatches("\"18b-2b\"", current, false));
        assertTrue(EntityTags.listMatches("\"a,b\", 18b-2a", current, true), "commas inside quotes; bare tag");
        assertEquals("\"18b-2a\"", EntityTags.of(0x2a, 0x18b));
        assertEquals(null, EntityTags.of(-1, 5));
    }
}
