package dev.pronto.container.http1;

import static dev.pronto.container.http1.Http1Chars.SP;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Watches a request line that is still arriving and fails with 414 as soon as its request-target is longer than
 * allowed, without waiting for the head to end (RFC 9112 §3). Remembers its search position; event loop only,
 * reads the buffer without consuming it.
 */
final class Http1TargetGuard {

    private final int maxUriLength;
    /** Offsets from the head start; -1 while not seen. */
    private int firstSp = -1;
    private int secondSp = -1;
    private int searched;

    Http1TargetGuard(int maxUriLength) {
        this.maxUriLength = maxUriLength;
    }

    void reset() {
        firstSp = -1;
        secondSp = -1;
        searched = 0;
    }

    /** True once the method is complete and the target's end (its SP) has not been seen yet. */
    boolean inTarget() {
        return firstSp >= 0 && secondSp < 0;
    }

    /**
     * Checks the request line known so far: it starts at the reader index and ends at {@code end} (the line's CR,
     * or the writer index while incomplete).
     */
    void check(ByteBuf in, int end) {
        int start = in.readerIndex();
        if (firstSp < 0 && !findFirstSp(in, start, end)) {
            return;
        }
        if (secondSp >= 0) {
            return;
        }
        int targetStart = start + firstSp + 1;
        int searchEnd = Math.min(end, targetStart + maxUriLength + 1);
        int from = Math.max(start + searched, targetStart);
        int sp = from < searchEnd ? in.indexOf(from, searchEnd, SP) : -1;
        if (sp >= 0) {
            secondSp = sp - start;
            return;
        }
        searched = searchEnd - start;
        if (end - targetStart > maxUriLength) {
            throw new Http1ParseException(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request-target too long");
        }
    }

    private boolean findFirstSp(ByteBuf in, int start, int end) {
        int from = start + searched;
        int sp = from < end ? in.indexOf(from, end, SP) : -1;
        if (sp < 0) {
            searched = end - start;
            return false;
        }
        firstSp = sp - start;
        searched = firstSp + 1;
        return true;
    }
}
