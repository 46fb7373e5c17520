package dev.pronto.container.http1;

/**
 * How one HTTP/1.1 response is framed and whether its connection stays open after it: a pure function of the
 * request and the response head ({@link #decide}), with no I/O and no state. The decisions are a small finite set,
 * interned, so deciding allocates nothing on the hot path. Thread-safe.
 *
 * @param body               how the body's end is found
 * @param writesWholeLength  the engine writes {@code Content-Length}: the length of the body sent whole
 * @param dropDeclaredLength the application's own {@code Content-Length} disagrees with the body and must go
 * @param keepAlive          whether the connection may carry another request after this response
 * @param connectionLine     the pre-encoded {@code Connection} line the engine adds, or null for none
 */
public record Http1Framing(Body body, boolean writesWholeLength, boolean dropDeclaredLength, boolean keepAlive,
                           byte[] connectionLine) {

    private static final byte[][] CONNECTION_LINES =
            {null, EngineHeaderLines.CONNECTION_CLOSE, EngineHeaderLines.CONNECTION_KEEP_ALIVE};
    /** Every decision, indexed by {@link #index}. */
    private static final Http1Framing[] DECISIONS = new Http1Framing[Body.values().length * 8 * 3];

    static {
        for (Body body : Body.values()) {
            for (int flags = 0; flags < 8; flags++) {
                for (int line = 0; line < 3; line++) {
                    DECISIONS[index(body, flags, line)] = new Http1Framing(body, (flags & 4) != 0,
                            (flags & 2) != 0, (flags & 1) != 0, CONNECTION_LINES[line]);
                }
            }
        }
    }

    private static int index(Body body, int flags, int line) {
        return (body.ordinal() * 8 + flags) * 3 + line;
    }

    private static Http1Framing of(Body body, boolean writesWholeLength, boolean drop, boolean keepAlive,
                                   byte[] connectionLine) {
        int flags = (writesWholeLength ? 4 : 0) | (drop ? 2 : 0) | (keepAlive ? 1 : 0);
        int line = connectionLine == null ? 0 : connectionLine == EngineHeaderLines.CONNECTION_CLOSE ? 1 : 2;
        return DECISIONS[index(body, flags, line)];
    }

    /** The {@code Content-Length} the engine writes for a body of {@code wholeBodyLength} bytes, or -1 for none. */
    public long contentLength(long wholeBodyLength) {
        return writesWholeLength ? wholeBodyLength : -1;
    }

    /** Where the response body ends (RFC 9112 §6.3). */
    public enum Body {
        /** No body by definition: 1xx, 204, 304 (RFC 9110 §6.4.1). A HEAD response's fields describe GET's body. */
        NONE,
        /** {@code Content-Length} frames the body, the engine's or the application's own. */
        LENGTH,
        /** {@code Transfer-Encoding: chunked} (HTTP/1.1 only, RFC 9112 §7.1). */
        CHUNKED,
        /** The close of the connection ends the body: an HTTP/1.0 client of a streamed response (RFC 9112 §6.3). */
        CLOSE_DELIMITED
    }

    /**
     * What the framing decision reads.
     *
     * @param http10           the request was HTTP/1.0 (no chunked coding; keep-alive only when asked for)
     * @param headRequest      the request method was {@code HEAD}
     * @param status           the response status code
     * @param declaredLength   the application's {@code Content-Length} field value, or null
     * @param wholeBodyLength  the whole body's length when it is sent in one go, or {@code -1} when it streams
     * @param keepAlive        the request allows reuse (RFC 9112 §9.3) and nothing refused it since
     * @param connectionField  the application set a {@code Connection} field
     * @param appSaidClose     that field contains {@code close}
     * @param unreadExpectedBody the client sent {@code Expect: 100-continue} and the body was never asked for
     */
    public record Input(boolean http10, boolean headRequest, int status, CharSequence declaredLength,
                        long wholeBodyLength, boolean keepAlive, boolean connectionField, boolean appSaidClose,
                        boolean unreadExpectedBody) {
    }

    /** Decides framing, {@code Content-Length} and the {@code Connection} line for one response. */
    public static Http1Framing decide(Input in) {
        boolean keepAlive = in.keepAlive;
        Body body;
        boolean writesLength = false;
        boolean drop = false;
        if (!mayHaveBody(in.status)) {
            body = Body.NONE;
        } else if (in.wholeBodyLength >= 0) {
            body = Body.LENGTH;
            if (in.declaredLength == null) {
                writesLength = true;
            } else if (!in.headRequest && !declares(in.declaredLength, in.wholeBodyLength)) {
                // The body is what frames the message: a declared length that disagrees would desync the client.
                drop = true;
                writesLength = true;
            }
        } else if (in.declaredLength != null) {
            body = Body.LENGTH;
        } else if (!in.http10) {
            body = Body.CHUNKED;
        } else {
            // RFC 9112 §6.3: an HTTP/1.0 client can only learn where the body ends from the close.
            body = Body.CLOSE_DELIMITED;
            keepAlive = false;
        }
        if (in.appSaidClose) {
            keepAlive = false;
        }
        if (in.unreadExpectedBody) {
            // RFC 9110 §10.1.1: the client may never send a body we did not ask for; its framing is unknowable.
            keepAlive = false;
        }
        return of(body, writesLength, drop, keepAlive, connectionLine(in, keepAlive));
    }

    /** RFC 9110 §6.4.1: 1xx, 204 and 304 responses never carry content. */
    static boolean mayHaveBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    private static byte[] connectionLine(Input in, boolean keepAlive) {
        if (in.connectionField && (in.appSaidClose || keepAlive)) {
            return null; // the application's own Connection field stands
        }
        // Graceful shutdown adds close when the head is written (ResponseSequencer), not here.
        if (!keepAlive) {
            return EngineHeaderLines.CONNECTION_CLOSE;
        }
        // RFC 9112 §9.3: an HTTP/1.0 connection persists only when both sides say keep-alive.
        return in.http10 ? EngineHeaderLines.CONNECTION_KEEP_ALIVE : null;
    }

    private static boolean declares(CharSequence declared, long actual) {
        try {
            return Long.parseLong(declared.toString().trim()) == actual;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
