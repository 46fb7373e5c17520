package dev.pronto.container.connection;

/**
 * The life of one HTTP/1.1 connection; {@link #to} is the one transition rule. Written on the event loop, read by
 * any thread (the connection keeps it in a volatile field).
 * <pre>
 *   NEW --active--> OPEN --Connection: close, decode error, shutdown--> DRAINING --line empty--+
 *    |               |                                                     |                   v
 *    |               +--a response says close, too much unread body--------+-------------> CLOSING --closed--> CLOSED
 *    +--refused by the connection cap--------------------------------------------------------> CLOSING
 *                    OPEN --101 Switching Protocols (issue 15)--> UPGRADED --closed--> CLOSED
 *   (any state) --client gone, abort, idle timeout--> CLOSED
 * </pre>
 */
enum ConnectionState {
    /** Not active yet (or refused by the connection cap). */
    NEW,
    /** Reading and dispatching requests. */
    OPEN,
    /**
     * No new request is dispatched (RFC 9112 §9.6: none after one that asked to close); the body being received
     * and the responses in flight still complete, then the connection closes.
     */
    DRAINING,
    /** A final flush-then-close was issued: nothing more is written or read. */
    CLOSING,
    /** The channel is closed. */
    CLOSED,
    /** After {@code 101 Switching Protocols} another protocol handler owns the channel; HTTP/1.1 is done. */
    UPGRADED;

    /** The state after asking for {@code next}: a later state never goes back to an earlier one. */
    ConnectionState to(ConnectionState next) {
        return switch (this) {
            case NEW -> next;
            case OPEN -> next == NEW ? this : next;
            case DRAINING -> next == CLOSING || next == CLOSED ? next : this;
            case CLOSING, UPGRADED -> next == CLOSED ? next : this;
            case CLOSED -> this;
        };
    }

    /** Requests may still be dispatched. */
    boolean acceptsRequests() {
        return this == OPEN;
    }

    /** Responses may still be written (the channel is ours and no close was issued). */
    boolean writes() {
        return this == OPEN || this == DRAINING;
    }
}
