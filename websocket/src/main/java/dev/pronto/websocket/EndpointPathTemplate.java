package dev.pronto.websocket;

import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The path an {@code upgradeHttpToWebSocket} handshake is matched under: the endpoint's template (JSR 356 §3.1.1
 * level-1 URI template) with the caller's path parameters put in, so that Tyrus's own template match yields them to
 * {@code Session.getPathParameters} and {@code @PathParam}. Stateless.
 */
final class EndpointPathTemplate {

    private EndpointPathTemplate() {
    }

    /** The template Tyrus registers the config under: an annotated endpoint's own, else the config's path. */
    static String of(ServerEndpointConfig config) {
        ServerEndpoint annotation = config.getEndpointClass().getAnnotation(ServerEndpoint.class);
        return annotation != null ? annotation.value() : config.getPath();
    }

    /**
     * {@code template} with each {@code {name}} segment replaced by the percent-encoded value of {@code name}; a
     * variable without a value is kept as it is (it then matches itself, as in Tyrus's servlet container).
     */
    static String fill(String template, Map<String, String> values) {
        StringBuilder path = new StringBuilder(template.length() + 16);
        int start = 0;
        while (start <= template.length()) {
            int slash = template.indexOf('/', start);
            int end = slash < 0 ? template.length() : slash;
            String segment = template.substring(start, end);
            String value = isVariable(segment) ? values.get(segment.substring(1, segment.length() - 1)) : null;
            if (value != null) {
                appendEncoded(path, value);
            } else {
                path.append(segment);
            }
            if (slash < 0) {
                break;
            }
            path.append('/');
            start = slash + 1;
        }
        return path.toString();
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /** RFC 3986 §2.3: unreserved characters stay, every other byte of the UTF-8 form is percent-encoded. */
    private static void appendEncoded(StringBuilder out, String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
