package dev.pronto.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the bytes a server sent on one connection into responses (RFC 9112 §4, §6.3), strictly: a malformed
 * status line, field line or framing is an {@link IllegalStateException}. Stateless.
 */
public final class HttpResponses {

    /** One response: status, fields (names lower-cased, last value wins) and body length. */
    public record Response(int status, Map<String, String> headers, int bodyLength) {

        public boolean closes() {
            return headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("close");
        }
    }

    private HttpResponses() {
    }

    /**
     * Parses every complete response in {@code bytes}; {@code headRequests.get(i)} says whether the i-th final
     * response answers a HEAD (no body then). A truncated last response is left out.
     */
    public static List<Response> parse(byte[] bytes, List<Boolean> headRequests) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Response> responses = new ArrayList<>();
        int at = 0;
        int finals = 0;
        while (at < text.length()) {
            int headEnd = text.indexOf("\r\n\r\n", at);
            if (headEnd < 0) {
                break;
            }
            String[] lines = text.substring(at, headEnd).split("\r\n", -1);
            int status = statusOf(lines[0]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("malformed response field line: " + lines[i]);
                }
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            at = headEnd + 4;
            boolean interim = status < 200;
            boolean head = !interim && finals < headRequests.size() && headRequests.get(finals);
            int bodyLength = 0;
            if (!interim && !head && status != 204 && status != 304) {
                int end = bodyEnd(text, at, headers);
                if (end < 0) {
                    break;
                }
                bodyLength = end - at;
                at = end;
            }
            if (!interim) {
                finals++;
            }
            responses.add(new Response(status, headers, bodyLength));
        }
        return responses;
    }

    /** The status of a status line, {@code HTTP/1.1 ddd reason}. */
    public static int statusOf(String statusLine) {
        if (!statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
            throw new IllegalStateException("malformed status line: " + statusLine);
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    /** Where the body starting at {@code from} ends, or -1 when it is not all there. */
    private static int bodyEnd(String text, int from, Map<String, String> headers) {
        String length = headers.get("content-length");
        if (headers.containsKey("transfer-encoding")) {
            return chunkedEnd(text, from);
        }
        if (length != null) {
            long end = from + Long.parseLong(length);
            return end <= text.length() ? (int) end : -1;
        }
        return text.length(); // RFC 9112 §6.3 (8): delimited by the close
    }

    private static int chunkedEnd(String text, int at) {
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return -1;
            }
            String sizeText = text.substring(at, lineEnd);
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeText : sizeText.substring(0, semicolon), 16);
            at = lineEnd + 2;
            if (size == 0) {
                int end = text.indexOf("\r\n\r\n", at - 2);
                return end < 0 ? -1 : end + 4;
            }
            at += size + 2;
            if (at > text.length()) {
                return -1;
            }
        }
    }
}
