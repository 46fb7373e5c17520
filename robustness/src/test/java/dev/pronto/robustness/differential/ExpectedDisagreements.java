package dev.pronto.robustness.differential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented disagreements, read from {@code differential-expected.txt}: one per line,
 * {@code case-id | Pronto's verdict | kind | reason}. Stateless.
 */
final class ExpectedDisagreements {

    /** Why Pronto answers differently from both peers. */
    enum Kind {
        /** Pronto rejects what both peers let through, on purpose. */
        STRICTER,
        /** Pronto accepts (or answers otherwise) what both peers reject, on purpose. */
        LENIENT,
        /** Every server rejects it, Pronto with another status class; the reason says why Pronto's is right. */
        OTHER_ERROR,
        /** A defect, to be fixed (issue 9); the reason says what the right answer is. Not asserted. */
        BUG
    }

    record Entry(String prontoVerdict, Kind kind, String reason) {
    }

    private ExpectedDisagreements() {
    }

    static Map<String, Entry> load() throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = ExpectedDisagreements.class.getResourceAsStream("differential-expected.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 4);
                if (parts.length != 4) {
                    throw new IllegalStateException("malformed line in differential-expected.txt: " + line);
                }
                entries.put(parts[0].strip(),
                        new Entry(parts[1].strip(), Kind.valueOf(parts[2].strip()), parts[3].strip()));
            }
        }
        return entries;
    }
}
