package dev.pronto.container.connection;

import dev.pronto.container.RequestBodyException;
import dev.pronto.container.RequestOutcome;
import dev.pronto.container.UpgradedProtocol;
import dev.pronto.container.WorkerScope;
import dev.pronto.container.http1.EngineHeaderLines;
import dev.pronto.container.http1.Http1DecodeError;
import dev.pronto.container.http1.Http1ErrorResponses;
import dev.pronto.container.http1.Http1RequestDecoder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one HTTP/1.1 connection: numbers requests in arrival order, dispatches them to the handler, writes
 * their responses strictly in request order whatever thread finishes them, and flushes once per read batch (or
 * once per burst of off-loop completions). Event loop only, except {@link #submit} which any thread may call.
 * <pre>
 *   OPEN --Connection: close / decode error / drain--> CLOSING --last response flushed--> CLOSED
 *   OPEN --client gone / timeout-------------------------------------------------------> CLOSED
 * </pre>
 */
public final class Http1Connection extends ChannelInboundHandlerAdapter implements WorkerScope.Drainable {

    private static final Logger log = LoggerFactory.getLogger(Http1Connection.class);
    private static final HttpRequest NO_REQUEST =
            new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", EmptyHttpHeaders.INSTANCE);
    /** Unread body bytes a finished exchange may still swallow before the connection is closed instead. */
    private static final long MAX_SWALLOW = 1024 * 1024;
    private static final long WRITE_QUEUE_HIGH = 64 * 1024;
    private static final int PAUSED_BY_BODY = 1;
    private static final int PAUSED_BY_PIPELINE = 2;
    private static final int PAUSED_BY_UPGRADE = 4;

    private final ConnectionSettings settings;
    private final Http1RequestDecoder decoder;
    final boolean secure;
    private final ArrayDeque<Http1Exchange> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Object> parked = new ArrayDeque<>();
    private final Queue<OffLoopOp> offLoopOps = PlatformDependent.newMpscQueue();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainOps = this::drainOffLoopOps;

    private ChannelHandlerContext ctx;
    /** This loop's counters, looked up once on the loop (handlerAdded). */
    private LoopCounters counters;
    private volatile boolean open;
    private volatile Http1Exchange headOfLine;
    private boolean registered;
    private boolean closing;
    private boolean inReadBatch;
    private boolean flushPending;
    private int pausedMask;
    private long requestCount;
    private Http1Exchange receiving;
    private long swallowed;
    private long lastActivity;
    private long headStart;
    private ScheduledFuture<?> timer;
    private long timerDeadline;
    /** Set once the connection switched protocols (101); from then on it only waits to be closed or drained. */
    private Http1UpgradedConnection upgraded;

    public Http1Connection(ConnectionSettings settings, Http1RequestDecoder decoder) {
        this(settings, decoder, false);
    }

    /** @param secure whether the channel's pipeline starts with a TLS handler */
    public Http1Connection(ConnectionSettings settings, Http1RequestDecoder decoder, boolean secure) {
        this.settings = settings;
        this.decoder = decoder;
        this.secure = secure;
    }

    // ---- life cycle -------------------------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        counters = settings.registry.counters().forCurrentLoop();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (!settings.registry.tryOpen(this, counters)) {
            ctx.close();
            return;
        }
        registered = true;
        open = true;
        lastActivity = System.nanoTime();
        armTimer(lastActivity + settings.idleTimeoutNanos);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open = false;
        if (timer != null) {
            timer.cancel(false);
        }
        Http1Exchange ex;
        while ((ex = inFlight.poll()) != null) {
            ex.onConnectionClosed();
            runWritableCallback(ex);
            reachedHead(ex);
            if (!ex.synthetic) {
                requestEnded(RequestOutcome.ABORTED);
            }
        }
        headOfLine = null;
        receiving = null;
        Object msg;
        while ((msg = parked.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
        if (registered) {
            settings.registry.closed(this, counters);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            // Resets and broken pipes are the client's doing: not worth a stack trace.
            log.debug("Connection {} failed: {}", id(), cause.toString());
        } else {
            log.warn("Connection {} failed", id(), cause);
        }
        ctx.close();
    }

    // ---- inbound ----------------------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inReadBatch = true;
        if (closing && receiving == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!parked.isEmpty() || isRequestStart(msg) && inFlight.size() >= settings.maxPipelined) {
            parked.add(msg);
            pause(PAUSED_BY_PIPELINE);
            return;
        }
        process(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inReadBatch = false;
        long now = System.nanoTime();
        lastActivity = now;
        if (headStart == 0 && inFlight.isEmpty() && decoder.isHeadInProgress()) {
            headStart = now;
            armTimer(now + settings.headTimeoutNanos);
        }
        flushIfPending();
        ctx.fireChannelReadComplete();
    }

    private static boolean isRequestStart(Object msg) {
        return msg instanceof HttpRequest || msg instanceof Http1DecodeError;
    }

    private void process(Object msg) {
        if (msg instanceof HttpRequest request) {
            onRequest(request);
        } else if (msg instanceof HttpContent content) {
            onContent(content);
        } else if (msg instanceof Http1DecodeError error) {
            onDecodeError(error);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequest(HttpRequest request) {
        headStart = 0;
        long bodyLength = 0;
        if (request instanceof FullHttpRequest full) {
            full.release();
        } else {
            bodyLength = HttpUtil.getContentLength(request, -1L);
        }
        CharSequence expect = request.headers().get(HttpHeaderNames.EXPECT);
        if (expect != null && !AsciiString.contentEqualsIgnoreCase(expect, HttpHeaderValues.CONTINUE)) {
            // RFC 9110 §10.1.1: an expectation we cannot meet is answered with 417.
            respondWithError(HttpResponseStatus.EXPECTATION_FAILED, true); // says close: the connection closes after
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !isDraining();
        Http1Exchange exchange = new Http1Exchange(this, request, ++requestCount, bodyLength, keepAlive, false);
        enqueue(exchange);
        if (bodyLength != 0) {
            receiving = exchange;
            swallowed = 0;
        }
        if (!keepAlive) {
            closing = true; // RFC 9112 §9.6: no request after the one that asked to close is processed
        }
        counters.increment(LoopCounters.REQUESTS_STARTED);
        if (decoder.isHeldForUpgrade()) {
            pause(PAUSED_BY_UPGRADE); // nothing more is read until the handler decides on the upgrade
        }
        dispatch(exchange);
    }

    /** Joins the line of requests in flight; one behind another counts as pipelined until it reaches the head. */
    private void enqueue(Http1Exchange exchange) {
        inFlight.add(exchange);
        if (inFlight.size() == 1) {
            headOfLine = exchange;
        } else {
            exchange.pipelined = true;
            counters.increment(LoopCounters.PIPELINED_UP);
        }
    }

    private void reachedHead(Http1Exchange exchange) {
        if (exchange.pipelined) {
            exchange.pipelined = false;
            counters.increment(LoopCounters.PIPELINED_DOWN);
        }
    }

    private void requestEnded(RequestOutcome outcome) {
        counters.increment(LoopCounters.OUTCOMES + outcome.ordinal());
        counters.increment(LoopCounters.REQUESTS_ENDED);
    }

    private void decodeError(int status) {
        settings.registry.counters().decodeError(status);
    }

    private void dispatch(Http1Exchange exchange) {
        try {
            settings.handler.handle(exchange);
        } catch (Throwable t) {
            log.error("Handler failed on {}", exchange, t);
            if (!exchange.isCommitted()) {
                exchange.respondFromEngine(Http1ErrorResponses.create(ctx.alloc(),
                        HttpResponseStatus.INTERNAL_SERVER_ERROR, settings.serverLine, true));
            } else if (!exchange.isEnded()) {
                exchange.abort();
            }
        }
    }

    private void onContent(HttpContent content) {
        Http1Exchange exchange = receiving;
        if (exchange == null) {
            content.release();
            return;
        }
        StreamedRequestBody body = (StreamedRequestBody) exchange.body();
        if (content.content().isReadable()) {
            if (exchange.wireEnded) {
                swallowed += content.content().readableBytes();
            }
            body.offer(content.content());
        } else {
            content.release();
        }
        if (content instanceof LastHttpContent last) {
            body.complete(last.trailingHeaders());
            receiving = null;
        } else if (swallowed > MAX_SWALLOW) {
            log.debug("Connection {}: closing rather than swallow a large unread body", id());
            closeAfterFlush();
        }
    }

    private void onDecodeError(Http1DecodeError error) {
        log.debug("Connection {}: rejecting request: {} {}", id(), error.status().code(), error.detail());
        closing = true;
        Http1Exchange exchange = receiving;
        receiving = null;
        if (exchange == null) {
            respondWithError(error.status(), true);
            return;
        }
        decodeError(error.status().code());
        ((StreamedRequestBody) exchange.body())
                .fail(new RequestBodyException(error.status().code(), error.detail()));
        if (!exchange.wireStarted && !exchange.wireEnded) {
            exchange.respondFromEngine(Http1ErrorResponses.create(ctx.alloc(), error.status(),
                    settings.serverLine, true));
            return;
        }
        // Its response is already (partly) out, so the only answer left is to close once it is: the bytes after
        // the bad chunk cannot be framed (RFC 9112 §9.3, §11.2).
        exchange.disableKeepAlive();
        if (inFlight.isEmpty()) {
            closeAfterFlush(); // the response already left: nothing else will close the connection
        }
    }

    /** Answers in order with an engine-made error, then closes: the request never reaches the handler. */
    private void respondWithError(HttpResponseStatus status, boolean close) {
        closing = true;
        decodeError(status.code());
        Http1Exchange synthetic = new Http1Exchange(this, NO_REQUEST, ++requestCount, 0, false, true);
        enqueue(synthetic);
        synthetic.respondFromEngine(Http1ErrorResponses.create(ctx.alloc(), status, settings.serverLine, close));
        try {
            settings.handler.rejected(status.code(), remoteAddress(), localAddress());
        } catch (RuntimeException e) {
            log.debug("Handler failed on a rejected request: {}", e.toString());
        }
    }

    // ---- outbound: ordering and flushing -------------------------------------------------------------------

    /** Hands a response message over from any thread; it leaves in request order. */
    void submit(Http1Exchange exchange, Object msg, boolean last) {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            onSubmit(exchange, msg, last);
            return;
        }
        offLoopOps.add(new OffLoopOp(exchange, msg, last));
        if (drainScheduled.compareAndSet(false, true)) {
            // Inside a worker task the wake-up waits for the task's end: one per task, not per response.
            WorkerScope.scheduleDrain(this);
        }
    }

    @Override
    public void scheduleDrain() {
        try {
            eventLoop().execute(drainOps);
        } catch (RejectedExecutionException e) {
            // The server stopped and its event loops are gone (a request outlived stop()): the connection is
            // closed, so nothing can be written; release what waits instead of leaking it.
            drainScheduled.set(false);
            OffLoopOp op;
            while ((op = offLoopOps.poll()) != null) {
                ReferenceCountUtil.release(op.msg());
            }
        }
    }

    /** A response part completed off the event loop, waiting to be routed on it. */
    private record OffLoopOp(Http1Exchange exchange, Object msg, boolean last) {
    }

    /** One task drains every response op that completed off the loop, then flushes once. */
    private void drainOffLoopOps() {
        drainScheduled.set(false);
        boolean wasInBatch = inReadBatch;
        inReadBatch = true;
        OffLoopOp op;
        while ((op = offLoopOps.poll()) != null) {
            onSubmit(op.exchange(), op.msg(), op.last());
        }
        inReadBatch = wasInBatch;
        if (!wasInBatch) {
            flushIfPending();
        }
    }

    private void onSubmit(Http1Exchange exchange, Object msg, boolean last) {
        // Outside a read batch this call is its own batch: whatever it releases leaves with one flush.
        boolean outer = !inReadBatch;
        inReadBatch = true;
        try {
            route(exchange, msg, last);
        } finally {
            if (outer) {
                inReadBatch = false;
                flushIfPending();
            }
        }
    }

    private void route(Http1Exchange exchange, Object msg, boolean last) {
        if (exchange.wireEnded || !open) {
            // The engine already answered for this exchange, or the client is gone.
            exchange.addQueued(-sizeOf(msg));
            ReferenceCountUtil.release(msg);
            return;
        }
        exchange.wireStarted = true;
        if (last) {
            exchange.wireEnded = true;
        }
        if (exchange == inFlight.peekFirst()) {
            writeOut(exchange, msg);
            if (last) {
                advance();
            }
        } else {
            exchange.addPending(msg);
        }
    }

    private void writeOut(Http1Exchange exchange, Object msg) {
        if (isDraining() && msg instanceof EngineHeaderLines.Source head && exchange.keepAlive()
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
        closing = true;
    }

    private static long sizeOf(Object msg) {
        if (msg instanceof HttpContent content) {
            return content.content().readableBytes();
        }
        return 0;
    }

    private void flushIfPending() {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
    }

    /** The head of the line ended on the wire: retire it and write what the next ones have ready. */
    private void advance() {
        Http1Exchange done;
        while ((done = inFlight.peekFirst()) != null && done.wireEnded && !done.hasPending()) {
            inFlight.pollFirst();
            retire(done);
            if (decoder.isHeldForUpgrade() && inFlight.isEmpty()) {
                decideUpgrade(done);
                return;
            }
            if (!done.keepAlive() || done.isCloseDelimited()) {
                closeAfterFlush();
                return;
            }
            Http1Exchange next = inFlight.peekFirst();
            headOfLine = next;
            if (next != null) {
                reachedHead(next);
                Object msg;
                while ((msg = next.pollPending()) != null) {
                    writeOut(next, msg);
                }
                runWritableCallback(next);
            }
        }
        if (inFlight.isEmpty()) {
            lastActivity = System.nanoTime();
            if (closing || isDraining()) {
                closeAfterFlush();
                return;
            }
        }
        releaseParked();
    }

    /**
     * The request that asked to upgrade got its response: a 101 switches the connection to the new protocol
     * (RFC 9110 §15.2.2), anything else parses the bytes held back behind it as HTTP again.
     */
    private void decideUpgrade(Http1Exchange done) {
        headOfLine = null;
        if (!done.keepAlive() || closing || isDraining()) {
            closeAfterFlush();
            return;
        }
        UpgradedProtocol protocol = done.upgradeTo();
        // Both ways run as their own task, outside the decoder's read that may still be on the stack.
        eventLoop().execute(protocol == null ? this::resumeAfterDeclinedUpgrade : () -> switchProtocols(protocol));
    }

    private void switchProtocols(UpgradedProtocol protocol) {
        if (!open) {
            return;
        }
        if (timer != null) {
            timer.cancel(false); // the upgraded connection keeps its own idle timer
            timer = null;
        }
        upgraded = Http1UpgradedConnection.install(ctx, protocol, settings.idleTimeoutNanos);
        resume(PAUSED_BY_UPGRADE);
    }

    private void resumeAfterDeclinedUpgrade() {
        if (!open) {
            return;
        }
        // Resume first: a held request that asks to upgrade again pauses anew while it is decoded here.
        resume(PAUSED_BY_UPGRADE);
        try {
            decoder.resumeAfterDeclinedUpgrade(ctx.pipeline().context(decoder));
        } catch (Exception e) {
            exceptionCaught(ctx, e);
        }
    }

    private void retire(Http1Exchange exchange) {
        if (!exchange.synthetic) {
            requestEnded(RequestOutcome.of(exchange.status()));
        }
        if (exchange.body() instanceof StreamedRequestBody body) {
            if (!body.isEnded() && exchange.expectContinue && !exchange.continueSent) {
                // The client may be waiting for 100 before sending the body: the framing is unknowable.
                exchange.disableKeepAlive();
            }
            body.discard(); // also releases chunks of a body that fully arrived but was never read
        }
    }

    private void releaseParked() {
        Object msg;
        while ((msg = parked.peekFirst()) != null) {
            if (isRequestStart(msg) && inFlight.size() >= settings.maxPipelined) {
                return;
            }
            parked.pollFirst();
            if (closing && receiving == null) {
                ReferenceCountUtil.release(msg);
            } else {
                process(msg);
            }
        }
        resume(PAUSED_BY_PIPELINE);
    }

    private void closeAfterFlush() {
        closing = true;
        open = false;
        flushPending = false;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    void sendContinue(Http1Exchange exchange) {
        if (!eventLoop().inEventLoop()) {
            eventLoop().execute(() -> sendContinue(exchange));
            return;
        }
        if (exchange.continueSent || exchange.wireStarted || !open) {
            return;
        }
        exchange.continueSent = true;
        DefaultFullHttpResponse interim = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER, new io.netty.handler.codec.http.DefaultHttpHeaders(),
                EmptyHttpHeaders.INSTANCE);
        if (exchange == inFlight.peekFirst()) {
            writeOut(exchange, interim);
            if (!inReadBatch) {
                flushIfPending();
            }
        } else {
            exchange.addPending(interim);
        }
    }

    void abort(Http1Exchange exchange) {
        if (!eventLoop().inEventLoop()) {
            eventLoop().execute(() -> abort(exchange));
            return;
        }
        closeNow();
    }

    // ---- backpressure -----------------------------------------------------------------------------------

    void pauseReadingForBody() {
        pause(PAUSED_BY_BODY);
    }

    void resumeReadingForBody() {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            resume(PAUSED_BY_BODY);
        } else {
            loop.execute(() -> resume(PAUSED_BY_BODY));
        }
    }

    private void pause(int reason) {
        if (pausedMask == 0) {
            ctx.channel().config().setAutoRead(false);
        }
        pausedMask |= reason;
    }

    private void resume(int reason) {
        if ((pausedMask & reason) == 0) {
            return;
        }
        pausedMask &= ~reason;
        if (pausedMask == 0 && open) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            Http1Exchange head = inFlight.peekFirst();
            if (head != null) {
                runWritableCallback(head);
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    boolean isWritableFor(Http1Exchange exchange) {
        if (!open) {
            return false;
        }
        if (exchange.queuedBytes() >= WRITE_QUEUE_HIGH) {
            return false;
        }
        return headOfLine != exchange || ctx.channel().isWritable();
    }

    void onWritable(Http1Exchange exchange, Runnable callback) {
        EventLoop loop = eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> onWritable(exchange, callback));
            return;
        }
        if (!open || isWritableFor(exchange)) {
            callback.run();
        } else {
            exchange.writableCallback = callback;
        }
    }

    private void runWritableCallback(Http1Exchange exchange) {
        Runnable callback = exchange.writableCallback;
        if (callback != null && (!open || isWritableFor(exchange))) {
            exchange.writableCallback = null;
            callback.run();
        }
    }

    // ---- timeouts and shutdown ------------------------------------------------------------------------------

    private void armTimer(long deadline) {
        if (timer != null && timerDeadline <= deadline && !timer.isDone()) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerDeadline = deadline;
        timer = eventLoop().schedule(this::onTimer, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        if (!open) {
            return;
        }
        long now = System.nanoTime();
        long next = now + settings.idleTimeoutNanos;
        if (inFlight.isEmpty() && headStart != 0) {
            long deadline = headStart + settings.headTimeoutNanos;
            if (now - deadline >= 0) {
                // A request head that trickles in too slowly (slowloris): RFC 9110 §15.5.9.
                log.debug("Connection {}: request head timed out", id());
                respondWithError(HttpResponseStatus.REQUEST_TIMEOUT, true);
                return;
            }
            next = deadline;
        } else if (inFlight.isEmpty()) {
            long deadline = lastActivity + settings.idleTimeoutNanos;
            if (now - deadline >= 0) {
                log.debug("Connection {}: idle timeout", id());
                ctx.close();
                return;
            }
            next = deadline;
        }
        armTimer(next);
    }

    /**
     * Graceful shutdown (the registry is draining already): close now if idle, else after the responses in flight,
     * the last of which says {@code close}.
     */
    void drain() {
        if (ctx == null) {
            return;
        }
        eventLoop().execute(() -> {
            if (upgraded != null) {
                upgraded.shutdown();
            } else if (open && inFlight.isEmpty() && headStart == 0 && receiving == null) {
                closeAfterFlush();
            }
        });
    }

    /** The server's graceful shutdown has begun; read from the registry so every connection sees it at once. */
    private boolean isDraining() {
        return settings.registry.isDraining();
    }

    void closeNow() {
        if (ctx != null) {
            ctx.channel().close();
        }
    }

    // ---- accessors for exchanges -----------------------------------------------------------------------------

    boolean isOpen() {
        return open;
    }

    String id() {
        return ctx == null ? "?" : ctx.channel().id().asShortText();
    }

    EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    /** The TLS session of a secure connection (looked up when asked), else null. */
    SSLSession tlsSession() {
        if (!secure || ctx == null) {
            return null;
        }
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        return ssl == null ? null : ssl.engine().getSession();
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) ctx.channel().remoteAddress();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) ctx.channel().localAddress();
    }

    byte[] serverLine() {
        return settings.serverLine;
    }

    long blockingTimeoutMillis() {
        return settings.blockingTimeoutMillis;
    }
}
