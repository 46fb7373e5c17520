package dev.pronto.container;

/**
 * How a request handed to the handler ended, for {@link ServerMetrics#requestsCompleted}: by the class of the
 * status its response carried, or {@link #ABORTED} when the connection closed before the response was complete.
 * The names follow Spring's {@code outcome} tag values.
 */
public enum RequestOutcome {
    INFORMATIONAL,
    SUCCESS,
    REDIRECTION,
    CLIENT_ERROR,
    SERVER_ERROR,
    /** The connection closed (client gone, timeout, abort, shutdown) before the whole response was written. */
    ABORTED;

    private static final RequestOutcome[] BY_CLASS = { INFORMATIONAL, SUCCESS, REDIRECTION, CLIENT_ERROR,
            SERVER_ERROR };

    /** The outcome of a response with {@code status}; anything outside 100..599 counts as a server error. */
    public static RequestOutcome of(int status) {
        int hundreds = status / 100;
        return hundreds >= 1 && hundreds <= 5 ? BY_CLASS[hundreds - 1] : SERVER_ERROR;
    }
}
