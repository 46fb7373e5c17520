package dev.pronto.benchmarks.peers;

import java.nio.charset.StandardCharsets;

/** The payloads every benchmark server returns, so that all of them serve the same bytes. */
public final class HelloWorld {
    public static final String MESSAGE = "Hello, World!";
    public static final String PLAINTEXT_CONTENT_TYPE = "text/plain";
    public static final String JSON_CONTENT_TYPE = "application/json";
    /** What {@link #json(String)} gives for {@link #MESSAGE}; the probe and the harness expect it. */
    public static final String EXPECTED_JSON = "{\"message\":\"Hello, World!\"}";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HelloWorld() {
    }

    /** The plaintext body, as a new array each call (callers keep their own constant). */
    public static byte[] plaintextBytes() {
        return MESSAGE.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Serializes {@code {"message":<message>}} by hand. The peers call it once per request, as
     * TechEmpower's JSON test asks, so that no server gets to cache the body.
     */
    public static String json(String message) {
        StringBuilder out = new StringBuilder(message.length() + 16);
        out.append("{\"message\":\"");
        appendEscaped(out, message);
        return out.append("\"}").toString();
    }

    // RFC 8259 §7: quotation mark, reverse solidus and the control characters must be escaped.
    private static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendPlainOrUnicode(out, c);
            }
        }
    }

    private static void appendPlainOrUnicode(StringBuilder out, char c) {
        if (c >= 0x20) {
            out.append(c);
            return;
        }
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
}
