package dev.pronto.websocket;

import jakarta.servlet.ServletContext;

/**
 * The WebSocket limits of one application, read from context init parameters (the builder's
 * {@code initParameter}, the Boot starter's {@code server.pronto.websocket.*}). Immutable.
 *
 * @param maxMessageSize    largest frame or message accepted, in bytes; beyond it the session closes with 1009
 * @param idleTimeoutMillis default session idle timeout ({@code Session.setMaxIdleTimeout}); 0 for none
 * @param sendTimeoutMillis how long a send waits for a client that does not read (backpressure); 0 for ever
 * @param perMessageDeflate whether {@code permessage-deflate} (RFC 7692) is offered to clients that ask for it
 */
public record WebSocketSettings(int maxMessageSize, long idleTimeoutMillis, long sendTimeoutMillis,
                                boolean perMessageDeflate) {

    public static final String MAX_MESSAGE_SIZE = "dev.pronto.websocket.maxMessageSize";
    public static final String IDLE_TIMEOUT = "dev.pronto.websocket.idleTimeoutMillis";
    public static final String SEND_TIMEOUT = "dev.pronto.websocket.sendTimeoutMillis";
    public static final String PER_MESSAGE_DEFLATE = "dev.pronto.websocket.perMessageDeflate";

    public static final WebSocketSettings DEFAULTS = new WebSocketSettings(1024 * 1024, 0, 30_000, true);

    static WebSocketSettings from(ServletContext context) {
        return new WebSocketSettings(
                (int) number(context, MAX_MESSAGE_SIZE, DEFAULTS.maxMessageSize),
                number(context, IDLE_TIMEOUT, DEFAULTS.idleTimeoutMillis),
                number(context, SEND_TIMEOUT, DEFAULTS.sendTimeoutMillis),
                !"false".equalsIgnoreCase(String.valueOf(context.getInitParameter(PER_MESSAGE_DEFLATE)).trim()));
    }

    private static long number(ServletContext context, String name, long fallback) {
        String value = context.getInitParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Context parameter " + name + " is not a number: " + value, e);
        }
    }
}
