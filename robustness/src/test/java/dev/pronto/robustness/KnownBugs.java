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
    public static final boolean CONTENT_LENGTH_LIST_CRASHES = true;

    /** Issue 9 (5): a request whose chunked body turns out broken has already been dispatched to the servlet. */
    public static final boolean BROKEN_CHUNK_RUNS_SERVLET = true;

    private KnownBugs() {
    }
}
