package dev.pronto.container.http1;

import static dev.pronto.container.http1.Http1Chars.CR;
import static dev.pronto.container.http1.Http1Chars.LF;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Finds the end of a head or trailer section (the first empty line) starting at the reader index, remembering
 * how far it searched so no byte is scanned twice, and records each line's bounds for the parsers.
 * One per decoder, event loop only; reads the buffer without consuming or retaining it.
 */
final class Http1SectionScanner {

    enum Result { NEED_MORE, COMPLETE, TOO_LARGE }

    private final int maxSize;
    /** Pairs of (start, end) offsets from the section start; end is the index of the line's CR. */
    private int[] lines = new int[64];
    private int lineCount;
    private int lineStart;
    private int scanned;
    private int length;

    Http1SectionScanner(int maxSize) {
        this.maxSize = maxSize;
    }

    void reset() {
        lineCount = 0;
        lineStart = 0;
        scanned = 0;
        length = 0;
    }

    /** True before any byte of the current section was searched. */
    boolean isFresh() {
        return scanned == 0;
    }

    /**
     * Searches the newly buffered bytes for line ends. The section (with its CRLFs) may be at most {@code maxSize}
     * bytes, so the search never looks past that and reports {@link Result#TOO_LARGE} without waiting for the end.
     */
    Result scan(ByteBuf in) {
        int start = in.readerIndex();
        int limit = start + Math.min(in.readableBytes(), maxSize);
        for (int from = start + scanned; from < limit; ) {
            int lf = in.indexOf(from, limit, LF);
            if (lf < 0) {
                break;
            }
            if (onLineEnd(in, start, lf)) {
                return Result.COMPLETE;
            }
            from = lf + 1;
        }
        scanned = limit - start;
        return in.readableBytes() >= maxSize ? Result.TOO_LARGE : Result.NEED_MORE;
    }

    /** Records the line ending at {@code lf}; true if it was the empty line that ends the section. */
    private boolean onLineEnd(ByteBuf in, int start, int lf) {
        int lfOffset = lf - start;
        // RFC 9112 §2.2: a line ends with CRLF; we do not accept a bare LF
        if (lfOffset == lineStart || in.getByte(lf - 1) != CR) {
            throw Http1ParseException.badRequest("bare LF");
        }
        int crOffset = lfOffset - 1;
        if (crOffset == lineStart) {
            length = lfOffset + 1;
            return true;
        }
        addLine(lineStart, crOffset);
        lineStart = lfOffset + 1;
        return false;
    }

    private void addLine(int startOffset, int endOffset) {
        if (lineCount * 2 == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        lines[lineCount * 2] = startOffset;
        lines[lineCount * 2 + 1] = endOffset;
        lineCount++;
    }

    /** Lines found so far, not counting the final empty line. */
    int lineCount() {
        return lineCount;
    }

    /** Offset of line {@code i}'s first byte from the section start. */
    int lineStart(int i) {
        return lines[i * 2];
    }

    /** Offset of line {@code i}'s CR from the section start (the line's exclusive end). */
    int lineEnd(int i) {
        return lines[i * 2 + 1];
    }

    /** Bytes of the complete section, both CRLFs of its end included. */
    int length() {
        return length;
    }
}
