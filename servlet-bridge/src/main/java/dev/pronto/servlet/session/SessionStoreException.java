package dev.pronto.servlet.session;

/**
 * A shared session store could not be reached or answered an error. The request is answered 503 without a stack
 * trace; the store logs the outage once. Thrown on the request's thread.
 */
public final class SessionStoreException extends RuntimeException {

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
