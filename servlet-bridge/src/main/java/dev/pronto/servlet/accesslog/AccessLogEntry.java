package dev.pronto.servlet.accesslog;

/**
 * What an access-log pattern reads of one finished request. Implementations are read once, on the thread that
 * completed the request, before the line is queued; values that are absent are null (or -1 for numbers).
 */
public interface AccessLogEntry {

    /** The client's address after forwarded-header handling (a trusted proxy's {@code Forwarded}/{@code X-Forwarded-For}). */
    String remoteAddr();

    String localAddr();

    int localPort();

    String method();

    /** The request path as sent, without the query. */
    String uri();

    /** The query string without {@code ?}, or null. */
    String query();

    String protocol();

    int status();

    /** Response body bytes sent; -1 when unknown. */
    long bytesSent();

    /** When the request arrived, milliseconds since the epoch. */
    long startMillis();

    /** How long the request took, in nanoseconds. */
    long elapsedNanos();

    String requestHeader(String name);

    String responseHeader(String name);

    // What only a request an application saw can know; null (logged as "-") for the engine's own answers.

    default String cookie(String name) {
        return null;
    }

    default String remoteUser() {
        return null;
    }

    /** The requested session id, or null. */
    default String sessionId() {
        return null;
    }

    default String serverName() {
        return null;
    }

    default Object requestAttribute(String name) {
        return null;
    }
}
