package dev.pronto.container.connection;

import dev.pronto.container.http1.EngineHeaderLines;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Puts one connection's responses on the wire in request order and flushes once per batch: the in-flight line of
 * exchanges, the head of that line (the only one that writes), the parts of later responses parked until they reach
 * the head, and the flush policy (written without flush during a read batch or a drain of off-loop completions,
 * flushed once at its end). Event loop only, except {@link #isWritableFor}. Owns every message handed to it: writes
 * it to the channel (whose encoder releases it) or releases it when it is dropped.
 */
final class ResponseSequencer implements OffLoopInbox.Sink {

    /** Unsent response bytes above which an exchange reports itself not writable. */
    static final long WRITE_QUEUE_HIGH = 64 * 1024;

    /** What the sequencer asks of its connection. Called on the event loop. */
    interface Owner {
        /** Responses may still be written. */
        boolean writes();

        /** The server's graceful shutdown has begun. */
        boolean shuttingDown();

        /** The last response in flight announced {@code Connection: close}: read no more requests. */
        void closeAnnounced();

        /** {@code done} left the line, its response fully written: counters, its body's leftovers. */
        void retired(Http1Exchange done);

        /** The line moved; {@code empty} when nothing is in flight now. */
        void advanced(boolean empty);

        /** Closes once what was written is flushed. */
        void closeAfterFlush();
    }

    /**
     * An exchange as the sequencer sees it: its wire-side state, private to the sequencer (a base class rather
     * than a separate object, so a request costs no extra allocation). Event loop only.
     */
    abstract static class Sequenced extends ChannelExchange {
        private ArrayDeque<Object> parked;
        private boolean started;
        private boolean ended;
        private boolean continueSent;
        private boolean pipelined;
        private Runnable writableCallback;

        Sequenced(ChannelFacts facts) {
            super(facts);
        }
    }

    private final ChannelHandlerContext ctx;
    private final LoopCounters counters;
    private final Owner owner;
    private final ArrayDeque<Http1Exchange> inFlight = new ArrayDeque<>();
    /** The exchange whose bytes go out now; read by any thread for writability. */
    private volatile Http1Exchange headOfLine;
    private boolean inBatch;
    private boolean flushPending;

    ResponseSequencer(ChannelHandlerContext ctx, LoopCounters counters, Owner owner) {
        this.ctx = ctx;
        this.counters = counters;
        this.owner = owner;
    }

    // ---- the line ----------------------------------------------------------------------------------------

    /** Joins the line; one behind another counts as pipelined until it reaches the head. */
    void enqueue(Http1Exchange exchange) {
        inFlight.add(exchange);
        if (inFlight.size() == 1) {
            headOfLine = exchange;
        } else {
            slot(exchange).pipelined = true;
            counters.increment(LoopCounters.PIPELINED_UP);
        }
    }

    int inFlight() {
        return inFlight.size();
    }

    boolean isIdle() {
        return inFlight.isEmpty();
    }

    /** True once any part of {@code exchange}'s response was handed over (written or parked). */
    boolean hasStarted(Http1Exchange exchange) {
        return slot(exchange).started || slot(exchange).ended;
    }

    /** True once {@code exchange}'s last response part was handed over. */
    boolean hasEnded(Http1Exchange exchange) {
        return slot(exchange).ended;
    }

    boolean continueSent(Http1Exchange exchange) {
        return slot(exchange).continueSent;
    }

    // ---- batches and flushing ------------------------------------------------------------------------------

    /** A read batch starts: what is written until {@link #endBatch} leaves with one flush. */
    void beginBatch() {
        inBatch = true;
    }

    void endBatch() {
        inBatch = false;
        flushIfPending();
    }

    /** Drains the off-loop completions as one batch: one flush for the burst (unless inside a read batch). */
    @Override
    public void drain(OffLoopInbox inbox) {
        boolean outer = !inBatch;
        inBatch = true;
        OffLoopInbox.Op op;
        while ((op = inbox.poll()) != null) {
            route(op.exchange(), op.msg(), op.last());
        }
        if (outer) {
            endBatch();
        }
    }

    /** A response part handed over on the event loop; outside a read batch it is its own batch. */
    void submit(Http1Exchange exchange, Object msg, boolean last) {
        boolean outer = !inBatch;
        inBatch = true;
        try {
            route(exchange, msg, last);
        } finally {
            if (outer) {
                endBatch();
            }
        }
    }

    private void flushIfPending() {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
    }

    /** Flushes what was written, then closes; nothing is written after. */
    void closeAfterFlush() {
        flushPending = false;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    // ---- routing -------------------------------------------------------------------------------------------

    private void route(Http1Exchange exchange, Object msg, boolean last) {
        Sequenced slot = exchange;
        if (slot.ended || !owner.writes()) {
            // The engine already answered for this exchange, or the client is gone.
            exchange.addQueued(-sizeOf(msg));
            ReferenceCountUtil.release(msg);
            return;
        }
        slot.started = true;
        if (last) {
            slot.ended = true;
        }
        if (exchange == inFlight.peekFirst()) {
            writeOut(exchange, msg);
            if (last) {
                advance();
            }
        } else {
            park(slot, msg);
        }
    }

    private static void park(Sequenced slot, Object msg) {
        if (slot.parked == null) {
            slot.parked = new ArrayDeque<>(4);
        }
        slot.parked.add(msg);
    }

    private void writeOut(Http1Exchange exchange, Object msg) {
        if (owner.shuttingDown() && msg instanceof EngineHeaderLines.Source head && exchange.keepAlive()
                && exchange == inFlight.peekLast()) {
            closeWith(exchange, head);
        }
        long size = sizeOf(msg);
        ctx.write(msg, ctx.voidPromise());
        exchange.addQueued(-size);
        flushPending = true;
    }

    /**
     * Graceful shutdown decides {@code Connection: close} when a response head goes on the wire, not when it was
     * built: a response finished before the shutdown but written after it must say close too. Only the last one in
     * flight says it, because RFC 9112 §9.6 has the server close right after the response that says close; the
     * requests before it still get their responses, later ones are not processed.
     */
    private void closeWith(Http1Exchange exchange, EngineHeaderLines.Source head) {
        head.closeConnection();
        exchange.disableKeepAlive();
        owner.closeAnnounced();
    }

    /** The head of the line ended on the wire: retire it and write what the next ones have ready. */
    private void advance() {
        Http1Exchange done;
        while ((done = inFlight.peekFirst()) != null && slot(done).ended && !hasParked(done)) {
            inFlight.pollFirst();
            owner.retired(done);
            if (!done.keepAlive() || done.isCloseDelimited()) {
                owner.closeAfterFlush();
                return;
            }
            Http1Exchange next = inFlight.peekFirst();
            headOfLine = next;
            if (next != null) {
                reachedHead(next);
                Object msg;
                while ((msg = pollParked(next)) != null) {
                    writeOut(next, msg);
                }
                runWritableCallback(next);
            }
        }
        owner.advanced(inFlight.isEmpty());
    }

    private void reachedHead(Http1Exchange exchange) {
        if (slot(exchange).pipelined) {
            slot(exchange).pipelined = false;
            counters.increment(LoopCounters.PIPELINED_DOWN);
        }
    }

    private static boolean hasParked(Sequenced slot) {
        return slot.parked != null && !slot.parked.isEmpty();
    }

    private static Object pollParked(Sequenced slot) {
        return slot.parked == null ? null : slot.parked.poll();
    }

    /** The sequencer's view of {@code exchange} (its private wire-side fields). */
    private static Sequenced slot(Http1Exchange exchange) {
        return exchange;
    }

    private static long sizeOf(Object msg) {
        return msg instanceof HttpContent content ? content.content().readableBytes() : 0;
    }

    /** Writes the interim {@code 100 Continue} in order (RFC 9110 §15.2.1), once, before any final response. */
    void sendContinue(Http1Exchange exchange) {
        Sequenced slot = exchange;
        if (slot.continueSent || slot.started || !owner.writes()) {
            return;
        }
        slot.continueSent = true;
        Object interim = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                Unpooled.EMPTY_BUFFER, new DefaultHttpHeaders(), EmptyHttpHeaders.INSTANCE);
        if (exchange == inFlight.peekFirst()) {
            writeOut(exchange, interim);
            if (!inBatch) {
                flushIfPending();
            }
        } else {
            park(slot, interim);
        }
    }

    // ---- close -------------------------------------------------------------------------------------------

    /**
     * The channel closed: takes the next exchange still in flight off the line, releasing its parked parts and
     * telling it so; null when the line is empty.
     */
    Http1Exchange pollClosed() {
        Http1Exchange exchange = inFlight.poll();
        if (exchange == null) {
            headOfLine = null;
            return null;
        }
        Object msg;
        while ((msg = pollParked(exchange)) != null) {
            ReferenceCountUtil.release(msg);
        }
        exchange.onConnectionClosed();
        runWritableCallback(exchange);
        reachedHead(exchange);
        return exchange;
    }

    // ---- writability ---------------------------------------------------------------------------------------

    /** Any thread: the client takes more bytes of {@code exchange} without queueing past the watermark. */
    boolean isWritableFor(Http1Exchange exchange) {
        if (!owner.writes() || exchange.queuedBytes() >= WRITE_QUEUE_HIGH) {
            return false;
        }
        return headOfLine != exchange || ctx.channel().isWritable();
    }

    /** Runs {@code callback} once {@code exchange} is writable or the connection is gone. */
    void onWritable(Http1Exchange exchange, Runnable callback) {
        if (!owner.writes() || isWritableFor(exchange)) {
            callback.run();
        } else {
            slot(exchange).writableCallback = callback;
        }
    }

    /** The channel drained below its watermark: the head of the line may write again. */
    void channelWritable() {
        Http1Exchange head = inFlight.peekFirst();
        if (head != null) {
            runWritableCallback(head);
        }
    }

    private void runWritableCallback(Http1Exchange exchange) {
        Runnable callback = slot(exchange).writableCallback;
        if (callback != null && (!owner.writes() || isWritableFor(exchange))) {
            slot(exchange).writableCallback = null;
            callback.run();
        }
    }
}
