package dev.pronto.robustness.fuzz;

import java.nio.charset.StandardCharsets;

/** Shows raw protocol bytes readably in failure messages: CR, LF and other controls escaped. Stateless. */
final class HttpBytes {

    private static final int MAX_SHOWN = 600;

    private HttpBytes() {
    }

    static String printable(byte[] bytes) {
        return printable(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.length() >= MAX_SHOWN ? sb.append("...(").append(text.length()).append(" bytes)").toString()
                : sb.toString();
    }
}
