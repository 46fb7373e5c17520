package dev.pronto.servlet.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptLanguageTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "da, en-gb;q=0.8, en;q=0.7             | da,en-GB,en",
        "en;q=0.5, fr, de;q=0.9                | fr,de,en",
        "en;q=0.5, fr;q=0.5, de;q=0.5          | en,fr,de",
        "*, en;q=0.1                           | en",
        "fr;q=0, en                            | en",
        "en-US;Q=1.000, fr;q=0.999             | en-US,fr",
        "en;q=1.5, fr;q=abc, de;q=0.5          | de",
        "en;q=0.1234, fr                       | fr",
        "zh-Hant-TW, es-419                    | zh-Hant-TW,es-419",
        "123, en_US, -en, en-, de              | de",
        "en, en;q=0.5, fr;q=0.7                | en,fr",
        "''                                    | ''",
    })
    void ordersByQualityAndDropsUnusable(String header, String expected) {
        List<Locale> locales = AcceptLanguage.parse(header);
        assertEquals(expected, String.join(",", locales.stream().map(Locale::toLanguageTag).toList()));
    }

    @Test
    void nullOrAbsentHeaderGivesEmptyList() {
        assertEquals(List.of(), AcceptLanguage.parse((String) null));
        assertEquals(List.of(), AcceptLanguage.parse(List.of()));
    }

    @Test
    void severalHeaderLinesAreOneList() {
        assertEquals(List.of(Locale.forLanguageTag("de"), Locale.forLanguageTag("en")),
                AcceptLanguage.parse(List.of("en;q=0.5", "de")));
    }
}
