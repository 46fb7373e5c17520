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
     * RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ). We ignore
     * extensions but require the ";" and reject control characters in them.
     */
    private static void checkExtensions(ByteBuf in, int from, int to) {
        if (from == to) {
            return;
        }
        int semicolon = Http1Chars.skipOws(in, from, to);
        if (semicolon == to || in.getByte(semicolon) != ';') {
            throw Http1ParseException.badByte("chunk-size", in.getByte(from));
        }
        int bad = in.forEachByte(semicolon, to - semicolon, Http1Chars.FIELD_CONTENTS);
        if (bad >= 0) {
            throw Http1ParseException.badByte("chunk extension", in.getByte(bad));
        }
    }
}
