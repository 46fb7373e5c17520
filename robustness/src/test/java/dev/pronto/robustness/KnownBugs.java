package dev.pronto.robustness;

/**
 * Defects of issue 9 that the robustness tests reproduce while they are being fixed. Each flag relaxes exactly one
 * check (and the differential corpus marks the cases it covers); the fix flips it to false. Constants only.
 */
public final class KnownBugs {

    /**
     * Issue 9 (3): {@code Content-Length: 11, 11} passes the decoder (a list of identical values), then
     * {@code HttpUtil.getContentLength} throws {@code NumberFormatException} in {@code Http1Connection.onRequest}:
     * a WARN stack trace and no response.
     */
    public static final boolean CONTENT_LENGTH_LIST_CRASHES = false;

    /** Issue 9 (5): a request whose chunked body turns out broken has already been dispatched to the servlet. */
    public static final boolean BROKEN_CHUNK_RUNS_SERVLET = false;

    /**
     * Issue 9 (4), also found by {@code ServletPathFuzzTest} within one write: when the response is out before the
     * decode error arrives (here the bridge's 400 for a non-ASCII path byte, sent from the event loop at once), the
     * connection stays open after the bad chunk: {@code POST /u\x94p HTTP/1.1, Host: a, Transfer-Encoding: chunked},
     * then {@code 5\r\nhello\r\n6;://=1\r\n...}.
     */
    public static final boolean DECODE_ERROR_AFTER_RESPONSE_LEAVES_OPEN = false;

    /**
     * Found by {@code ServletPathFuzzTest}: {@code Http1Connection.respondWithError} always closes the connection
     * after a 417 (unmet {@code Expect}) but writes {@code Connection: close} only when a body was announced; for
     * {@code GET /e HTTP/1.1, Host: a, Expect: foo} and a pipelined {@code GET /second} the client gets the 417
     * without {@code Connection: close}, then the close, and /second is never answered.
     */
    public static final boolean EXPECTATION_FAILED_CLOSES_SILENTLY = false;

    /**
     * Found by {@code Http1RequestDecoderFuzzTest}: {@code Http1TargetGuard} counts the CR that ends an incomplete
     * request line as a target byte. A line without a second SP whose "target" is exactly {@code maxUriLength}
     * long gets 414 if a read ends between its CR and LF, and waits for the head (then 400) otherwise.
     * Harmless (such a line is invalid either way) but segmentation-dependent.
     */
    public static final boolean TARGET_GUARD_COUNTS_PENDING_CR = false;

    private KnownBugs() {
    }
}
