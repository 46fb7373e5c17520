package dev.pronto.container;

import java.io.IOException;

/**
 * The request body could not be read because the client broke a rule (too large, malformed chunking). Carries
 * the status the engine answers with, so an application layer can map it (e.g. 413). Immutable.
 */
public final class RequestBodyException extends IOException {

    private final int status;

    public RequestBodyException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that describes the failure (400, 413 …). */
    public int status() {
        return status;
    }
}
