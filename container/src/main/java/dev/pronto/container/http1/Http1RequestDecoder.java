package dev.pronto.container.http1;

import static dev.pronto.container.http1.Http1Chars.CR;
import static dev.pronto.container.http1.Http1Chars.LF;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;
import dev.pronto.container.connection.EngineCounters;
import dev.pronto.container.connection.LoopCounters;

/**
 * A strict HTTP/1.1 request decoder (RFC 9112) that reports each violation as an {@link Http1DecodeError} with
 * its precise status. Runs on the channel's event loop; every emitted message is owned, and released, by the next
 * handler (content messages hold retained slices of the input; requests without a body hold no buffer).
 *
 * <p>Output per request: a {@code FullHttpRequest} when there is no body; otherwise an {@code HttpRequest}, then
 * {@code HttpContent}s as bytes arrive, then one {@code LastHttpContent}. After an {@link Http1DecodeError} the
 * decoder discards all further input, because the framing can no longer be trusted.
 * <pre>
 *     +-------------------------------------------------------------------------------+
 *     v                                                                               |
 *   READ_HEAD --no body---------> FullHttpRequest ------------------------------------+
 *     |                                                                               |
 *     +--Content-Length--> HttpRequest; READ_FIXED_BODY --last byte--> Last ----------+
 *     |                                                                               |
 *     +--chunked---------> HttpRequest; READ_CHUNK_SIZE --0--> READ_TRAILERS --> Last +
 *                                       ^          | size &gt; 0
 *                                       |          v
 *                          READ_CHUNK_END <--- READ_CHUNK_DATA (HttpContent as bytes arrive)
 *
 *   any state --rule broken--> Http1DecodeError; BROKEN (discards all input from then on)
 *
 *   READ_HEAD --bodiless request with Upgrade--> FullHttpRequest; HELD_FOR_UPGRADE (buffers, parses nothing)
 *   HELD_FOR_UPGRADE --declined: resumeAfterDeclinedUpgrade--> READ_HEAD
 *   HELD_FOR_UPGRADE --accepted: the connection removes this decoder; the buffered bytes go to the new protocol
 * </pre>
 */
public final class Http1RequestDecoder extends ByteToMessageDecoder {

    private enum State {
        READ_HEAD, READ_FIXED_BODY, READ_CHUNK_SIZE, READ_CHUNK_DATA, READ_CHUNK_END, READ_TRAILERS, HELD_FOR_UPGRADE,
        BROKEN
    }

    private final EngineCounters counters;
    private LoopCounters loopCounters;
    private final long maxBodySize;
    private final Http1SectionScanner scanner;
    private final Http1TargetGuard targetGuard;
    private final Http1HeadParser headParser;
    private final Http1ChunkLine chunkLine;
    private State state = State.READ_HEAD;
    /** Bytes still to come of the fixed-length body or of the current chunk. */
    private long remaining;
    /** Body bytes announced so far by the chunk sizes of the current request. */
    private long chunkedBodySize;

    /**
     * @param maxUriLength  longest request-target accepted (414 beyond)
     * @param maxHeaderSize largest request head, and largest trailer section, with line ends (431 beyond)
     * @param maxBodySize   largest request body (413 beyond), or -1 for no limit
     */
    public Http1RequestDecoder(int maxUriLength, int maxHeaderSize, long maxBodySize) {
        this(maxUriLength, maxHeaderSize, maxBodySize, new EngineCounters());
    }

    /** As above, counting every buffer read into {@code counters} (the server's metrics). */
    public Http1RequestDecoder(int maxUriLength, int maxHeaderSize, long maxBodySize, EngineCounters counters) {
        this.counters = counters;
        if (maxUriLength <= 0 || maxHeaderSize <= 0 || maxBodySize < -1) {
            throw new IllegalArgumentException("limits must be positive (maxBodySize may be -1)");
        }
        this.maxBodySize = maxBodySize;
        this.scanner = new Http1SectionScanner(maxHeaderSize);
        this.targetGuard = new Http1TargetGuard(maxUriLength);
        this.headParser = new Http1HeadParser(maxUriLength, maxBodySize);
        this.chunkLine = new Http1ChunkLine(maxHeaderSize);
    }

    /** Counts what the socket delivered, before decoding: one add per read, not per request. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf) {
            LoopCounters loop = loopCounters;
            if (loop == null) {
                loopCounters = loop = counters.forCurrentLoop(); // first read: on the channel's loop
            }
            loop.addBytesIn(buf.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    /**
     * True while bytes of a request head that is not complete yet are buffered; the connection uses it for the
     * 408 head timeout. Call on the event loop.
     */
    public boolean isHeadInProgress() {
        return state == State.READ_HEAD && internalBuffer().isReadable();
    }

    /**
     * True after a bodiless request asking to {@code Upgrade}: nothing after it is parsed until the connection knows
     * whether the protocol switches. Event loop.
     */
    public boolean isHeldForUpgrade() {
        return state == State.HELD_FOR_UPGRADE;
    }

    /** While held for upgrade: the bytes the client sent after the request, unparsed (read-only). Event loop. */
    public ByteBuf heldBytes() {
        return internalBuffer();
    }

    /**
     * The upgrade was declined (the response was not a 101): parses what was held back as HTTP again. Event loop;
     * {@code ctx} is this decoder's context; call it outside any read of this pipeline.
     */
    public void resumeAfterDeclinedUpgrade(ChannelHandlerContext ctx) throws Exception {
        if (state != State.HELD_FOR_UPGRADE) {
            return;
        }
        state = State.READ_HEAD;
        channelRead(ctx, Unpooled.EMPTY_BUFFER); // decodes the buffered bytes
        channelReadComplete(ctx);
    }

    /** Decodes until one message is out or more input is needed; the base class calls again while input lasts. */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int outSize = out.size();
        try {
            while (in.isReadable() && out.size() == outSize) {
                int readable = in.readableBytes();
                step(in, out);
                if (in.readableBytes() == readable) {
                    return;
                }
            }
        } catch (Http1ParseException e) {
            fail(in, out, e.status(), e.getMessage());
        }
    }

    /** Performs one transition of the state machine; consumes input whenever it emits a message. */
    private void step(ByteBuf in, List<Object> out) {
        switch (state) {
            case READ_HEAD -> readHead(in, out);
            case READ_FIXED_BODY -> readFixedBody(in, out);
            case READ_CHUNK_SIZE -> readChunkSize(in);
            case READ_CHUNK_DATA -> readChunkData(in, out);
            case READ_CHUNK_END -> readChunkEnd(in);
            case READ_TRAILERS -> readTrailers(in, out);
            case HELD_FOR_UPGRADE -> { } // RFC 9110 §7.8: what follows may be the new protocol's; leave it buffered
            case BROKEN -> in.skipBytes(in.readableBytes());
        }
    }

    private void readHead(ByteBuf in, List<Object> out) {
        if (scanner.isFresh() && !skipEmptyLines(in)) {
            return;
        }
        Http1SectionScanner.Result result = scanner.scan(in);
        if (result == Http1SectionScanner.Result.COMPLETE) {
            onHead(in, out);
            return;
        }
        boolean onRequestLine = scanner.lineCount() == 0;
        targetGuard.check(in, onRequestLine ? pendingLineEnd(in) : in.readerIndex() + scanner.lineEnd(0));
        if (result == Http1SectionScanner.Result.TOO_LARGE) {
            // RFC 9112 §3: a request line longer than the whole head limit is an overlong target (414)
            throw onRequestLine && targetGuard.inTarget()
                    ? new Http1ParseException(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request-target too long")
                    : new Http1ParseException(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "head too large");
        }
    }

    /** The end of an incomplete request line: a CR that arrived last may be its line end, so it is not counted. */
    private static int pendingLineEnd(ByteBuf in) {
        int end = in.writerIndex();
        return end > in.readerIndex() && in.getByte(end - 1) == CR ? end - 1 : end;
    }

    /**
     * RFC 9112 §2.2: a server should ignore at least one empty line (CRLF) received before the request-line.
     * Returns false when a lone CR leaves it undecided.
     */
    private static boolean skipEmptyLines(ByteBuf in) {
        while (in.isReadable()) {
            byte first = in.getByte(in.readerIndex());
            if (first == LF) {
                throw Http1ParseException.badRequest("bare LF");
            }
            if (first != CR) {
                return true;
            }
            if (in.readableBytes() < 2) {
                return false;
            }
            if (in.getByte(in.readerIndex() + 1) != LF) {
                throw Http1ParseException.badRequest("bare CR");
            }
            in.skipBytes(2);
        }
        return false;
    }

    private void onHead(ByteBuf in, List<Object> out) {
        HttpRequest request = headParser.parse(in, scanner);
        in.skipBytes(scanner.length());
        scanner.reset();
        targetGuard.reset();
        out.add(request);
        switch (headParser.body()) {
            case NONE -> state = request.headers().contains(HttpHeaderNames.UPGRADE) ? State.HELD_FOR_UPGRADE
                    : State.READ_HEAD;
            case FIXED -> {
                remaining = headParser.contentLength();
                state = State.READ_FIXED_BODY;
            }
            case CHUNKED -> {
                chunkedBodySize = 0;
                state = State.READ_CHUNK_SIZE;
            }
        }
    }

    /** RFC 9112 §6.2: exactly Content-Length bytes; each read's share goes out at once as a zero-copy slice. */
    private void readFixedBody(ByteBuf in, List<Object> out) {
        int length = (int) Math.min(in.readableBytes(), remaining);
        remaining -= length;
        ByteBuf data = in.readRetainedSlice(length);
        if (remaining > 0) {
            out.add(new DefaultHttpContent(data));
            return;
        }
        out.add(new DefaultLastHttpContent(data, EmptyHttpHeaders.INSTANCE));
        state = State.READ_HEAD;
    }

    private void readChunkSize(ByteBuf in) {
        long size = chunkLine.read(in);
        if (size == Http1ChunkLine.NEED_MORE) {
            return;
        }
        if (size == 0) {
            state = State.READ_TRAILERS;
            return;
        }
        if (maxBodySize >= 0 && size > maxBodySize - chunkedBodySize) {
            // RFC 9110 §15.5.14: the body grows beyond what we accept
            throw new Http1ParseException(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "chunked body too large");
        }
        chunkedBodySize += size;
        remaining = size;
        state = State.READ_CHUNK_DATA;
    }

    /** Chunk data goes out as it arrives, never waiting for the whole chunk. */
    private void readChunkData(ByteBuf in, List<Object> out) {
        int length = (int) Math.min(in.readableBytes(), remaining);
        remaining -= length;
        out.add(new DefaultHttpContent(in.readRetainedSlice(length)));
        if (remaining == 0) {
            state = State.READ_CHUNK_END;
        }
    }

    /** RFC 9112 §7.1: chunk-data is followed by exactly CRLF. */
    private void readChunkEnd(ByteBuf in) {
        int index = in.readerIndex();
        if (in.getByte(index) != CR) {
            throw Http1ParseException.badRequest("chunk data not followed by CRLF");
        }
        if (in.readableBytes() < 2) {
            return;
        }
        if (in.getByte(index + 1) != LF) {
            throw Http1ParseException.badRequest("chunk data not followed by CRLF");
        }
        in.skipBytes(2);
        state = State.READ_CHUNK_SIZE;
    }

    /** RFC 9112 §7.1.2: trailer fields after the last chunk, then an empty line. */
    private void readTrailers(ByteBuf in, List<Object> out) {
        Http1SectionScanner.Result result = scanner.scan(in);
        if (result == Http1SectionScanner.Result.TOO_LARGE) {
            throw new Http1ParseException(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailers too large");
        }
        if (result == Http1SectionScanner.Result.NEED_MORE) {
            return;
        }
        LastHttpContent last = LastHttpContent.EMPTY_LAST_CONTENT;
        if (scanner.lineCount() > 0) {
            HttpHeaders trailers = headParser.parseTrailers(in, scanner);
            last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, trailers);
        }
        in.skipBytes(scanner.length());
        scanner.reset();
        out.add(last);
        state = State.READ_HEAD;
    }

    private void fail(ByteBuf in, List<Object> out, HttpResponseStatus status, String detail) {
        state = State.BROKEN;
        in.skipBytes(in.readableBytes());
        out.add(new Http1DecodeError(status, detail));
    }
}
