package dev.pronto.container.http1;

import static dev.pronto.container.http1.Http1Chars.CR;
import static dev.pronto.container.http1.Http1Chars.LF;

import io.netty.buffer.ByteBuf;

/**
 * Reads a chunk-size line, {@code chunk-size [ chunk-ext ] CRLF} (RFC 9112 §7.1), remembering how far it searched
 * between reads. One per decoder, event loop only; consumes the line's bytes and retains nothing.
 */
final class Http1ChunkLine {

    /** Returned by {@link #read} while the line is not complete. */
    static final long NEED_MORE = -1;

    private final int maxLineLength;
    private int scanned;

    Http1ChunkLine(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    /** Consumes a complete chunk-size line and returns the size, or returns {@link #NEED_MORE}. */
    long read(ByteBuf in) {
        int start = in.readerIndex();
        int limit = start + Math.min(in.readableBytes(), maxLineLength);
        int from = start + scanned;
        int lf = from < limit ? in.indexOf(from, limit, LF) : -1;
        if (lf < 0) {
            if (in.readableBytes() >= maxLineLength) {
                throw Http1ParseException.badRequest("chunk-size line too long");
            }
            scanned = limit - start;
            return NEED_MORE;
        }
        if (lf == start || in.getByte(lf - 1) != CR) {
            throw Http1ParseException.badRequest("bare LF in chunk-size line");
        }
        long size = parse(in, start, lf - 1);
        in.readerIndex(lf + 1);
        scanned = 0;
        return size;
    }

    private static long parse(ByteBuf in, int from, int to) {
        long size = 0;
        int i = from;
        for (int digit; i < to && (digit = Http1Chars.hexValue(in.getByte(i))) >= 0; i++) {
            if (size > Long.MAX_VALUE >>> 4) {
                throw Http1ParseException.badRequest("chunk-size overflows");
            }
            size = size << 4 | digit;
        }
        if (i == from) {
            throw Http1ParseException.badRequest("invalid chunk-size");
        }
        checkExtensions(in, i, to);
        return size;
    }

    /**
     * RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ), the name a token,
     * the value a token or quoted-string. We ignore extensions but parse them, so a malformed one fails the
     * request before it reaches the application instead of while it reads.
     */
    private static void checkExtensions(ByteBuf in, int from, int to) {
        if (from == to) {
            return;
        }
        int i = Http1Chars.skipOws(in, from, to);
        if (i == to) {
            throw Http1ParseException.badByte("chunk-size", in.getByte(from));
        }
        while (i < to) {
            if (in.getByte(i) != ';') {
                throw Http1ParseException.badByte(i == from ? "chunk-size" : "chunk extension", in.getByte(i));
            }
            i = token(in, Http1Chars.skipOws(in, i + 1, to), to, "chunk extension name");
            i = Http1Chars.skipOws(in, i, to);
            if (i < to && in.getByte(i) == '=') {
                i = Http1Chars.skipOws(in, i + 1, to);
                i = i < to && in.getByte(i) == '"' ? quotedString(in, i, to) : token(in, i, to, "chunk extension value");
                i = Http1Chars.skipOws(in, i, to);
            }
        }
    }

    /** Returns the end of the non-empty token starting at {@code from}. */
    private static int token(ByteBuf in, int from, int to, String what) {
        int end = from < to ? in.forEachByte(from, to - from, Http1Chars.TCHARS) : -1;
        if (end < 0) {
            end = to;
        }
        if (end == from) {
            throw Http1ParseException.badRequest("empty " + what);
        }
        return end;
    }

    /** RFC 9110 §5.6.4: quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE. Returns the index after it. */
    private static int quotedString(ByteBuf in, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            byte b = in.getByte(i);
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++;
                if (i == to) {
                    break;
                }
                b = in.getByte(i);
            }
            if (!Http1Chars.isFieldContent(b)) {
                throw Http1ParseException.badByte("chunk extension", b);
            }
        }
        throw Http1ParseException.badRequest("unterminated quoted chunk extension value");
    }
}
