package dev.pronto.container.http2;

import static io.netty.handler.codec.http2.Http2CodecUtil.HTTP_UPGRADE_STREAM_ID;

import dev.pronto.container.RequestOutcome;
import dev.pronto.container.CompletionBatch;
import dev.pronto.container.connection.ChannelFacts;
import dev.pronto.container.connection.ConnectionRegistry;
import dev.pronto.container.connection.LoopCounters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/2 connection: Netty's codec decodes frames (HPACK, flow control, stream states, the abuse limits set by
 * {@link Http2ConnectionBuilder}); this handler turns each new stream into an {@link Http2StreamExchange} for the
 * handler and writes what exchanges hand back. Every frame of one read is processed before the one flush at
 * read-complete; responses finished off the loop are written by one task per burst and flushed once.
 * Event loop only, except {@link #submit}, {@link #drain} and {@link #closeNow}, which any thread may call.
 * <pre>
 *   OPEN --graceful shutdown: GOAWAY--> DRAINING --last stream closed--> CLOSED
 *   OPEN --idle timeout: GOAWAY / protocol error / client gone------------> CLOSED
 * </pre>
 */
public final class Http2ServerConnection extends Http2ConnectionHandler
        implements ConnectionRegistry.Member {

    private static final Logger log = LoggerFactory.getLogger(Http2ServerConnection.class);

    private final Http2ServerSettings settings;
    final boolean secure;
    private final Http2Connection.PropertyKey exchangeKey;
    /** Marks a stream the engine answered itself, so its later HEADERS are not taken for a new request. */
    private final Http2Connection.PropertyKey rejectedKey;
    private final Queue<Http2Op> offLoopOps = PlatformDependent.newMpscQueue();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainOps = this::drainOffLoopOps;
    private final Runnable wakeUp = this::scheduleDrain;

    private ChannelHandlerContext ctx;
    private ChannelFacts facts;
    private LoopCounters counters;
    private volatile boolean open;
    private boolean registered;
    private boolean draining;
    private boolean inReadBatch;
    private boolean flushPending;
    private long requestCount;
    private long lastActivity;
    private ScheduledFuture<?> idleTimer;

    Http2ServerConnection(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initial,
                          Http2ServerSettings settings, boolean secure) {
        super(decoder, encoder, initial);
        this.settings = settings;
        this.secure = secure;
        this.exchangeKey = connection().newKey();
        this.rejectedKey = connection().newKey();
        decoder.frameListener(new Http2StreamListener(this));
        connection().addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamClosed(Http2Stream stream) {
                streamClosed(stream);
            }
        });
        encoder.flowController().listener(this::writabilityChanged);
    }

    // ---- life cycle ---------------------------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        facts = new ChannelFacts(ctx.channel(), secure);
        counters = settings.counters.forCurrentLoop();
        super.handlerAdded(ctx);
        if (ctx.channel().isActive()) {
            opened(); // added after the protocol was chosen (ALPN, preface, upgrade): the channel is active already
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        opened();
    }

    /**
     * This connection replaces an HTTP/1.1 one after {@code Upgrade: h2c}: it is counted already (the registry hands
     * the slot over), so it opens without asking for one. Before it joins the pipeline.
     */
    void adoptUpgradedConnection() {
        registered = true;
    }

    /** Serves the upgrade request as stream 1 (created half-closed by {@link #onHttpServerUpgrade}). Event loop. */
    void serveUpgradeRequest(Http2Headers headers) {
        Http2Stream stream = connection().stream(HTTP_UPGRADE_STREAM_ID);
        if (stream != null) {
            onRequest(stream, headers, true);
            flushPending = true;
            flushUnlessInBatch();
        }
    }

    private void opened() {
        if (registered && !open) {
            open = true; // adopted from HTTP/1.1: counted already
            lastActivity = System.nanoTime();
            armIdleTimer(settings.idleTimeoutNanos);
            return;
        }
        if (registered || open) {
            return;
        }
        if (!settings.registry.tryOpen(this, counters)) {
            ctx.close();
            return;
        }
        registered = true;
        open = true;
        lastActivity = System.nanoTime();
        armIdleTimer(settings.idleTimeoutNanos);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open = false;
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        super.channelInactive(ctx); // closes every stream: streamClosed releases each exchange
        Http2Op op;
        while ((op = offLoopOps.poll()) != null) {
            op.release();
        }
        if (registered) {
            registered = false;
            settings.registry.closed(this, counters);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof IOException && !(cause.getCause() instanceof Http2Exception)) {
            log.debug("Connection {} failed: {}", id(), cause.toString()); // resets and broken pipes: the client's
            ctx.close();
            return;
        }
        super.exceptionCaught(ctx, cause); // HTTP/2 errors: RST_STREAM or GOAWAY as RFC 9113 §5.4 says
    }

    // ---- inbound (called by Http2StreamListener on the loop) ------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        inReadBatch = true;
        if (msg instanceof ByteBuf buf) {
            counters.addBytesIn(buf.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        inReadBatch = false;
        flushPending = false;
        lastActivity = System.nanoTime();
        super.channelReadComplete(ctx); // flushes once for every frame of the read
    }

    void onRequest(Http2Stream stream, Http2Headers headers, boolean endStream) {
        HttpRequest request;
        try {
            request = Http2RequestHead.toHttpRequest(headers);
        } catch (Http2RequestHead.Rejected e) {
            log.debug("Connection {} stream {}: rejecting request: {}", id(), stream.id(), e.getMessage());
            reject(stream, e.status);
            return;
        }
        long length = endStream ? 0 : contentLength(headers);
        if (settings.maxBodySize >= 0 && length > settings.maxBodySize) {
            reject(stream, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE); // refused before reading (as HTTP/1.1)
            return;
        }
        Http2StreamExchange exchange = new Http2StreamExchange(this, stream.id(), request, ++requestCount, length,
                settings.blockingTimeoutMillis);
        stream.setProperty(exchangeKey, exchange);
        counters.requestStarted();
        try {
            settings.handler.handle(exchange);
        } catch (Throwable t) {
            log.error("Handler failed on {}", exchange, t);
            if (!exchange.isCommitted()) {
                exchange.respondFromEngine(HttpResponseStatus.INTERNAL_SERVER_ERROR);
            } else if (!exchange.isEnded()) {
                exchange.abort();
            }
        }
    }

    private static long contentLength(Http2Headers headers) {
        CharSequence value = headers.get(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.toString()); // Netty's decoder already checked it against the DATA frames
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers a request the application never sees, then stops its body (RFC 9113 §8.1: RST_STREAM NO_ERROR). */
    private void reject(Http2Stream stream, HttpResponseStatus status) {
        stream.setProperty(rejectedKey, Boolean.TRUE);
        settings.counters.decodeError(status.code());
        ChannelFuture written = encoder().writeHeaders(ctx, stream.id(),
                Http2ResponseHeaders.bare(status.code(), settings.serverHeader), 0, true, ctx.newPromise());
        resetWhenWritten(stream.id(), written);
        flushPending = true;
        flushUnlessInBatch();
        try {
            settings.handler.rejected(status.code(), remoteAddress(), localAddress());
        } catch (RuntimeException e) {
            log.debug("Handler failed on a rejected request: {}", e.toString());
        }
    }

    /** DATA of a stream; returns the bytes to give back to the windows now (the rest go back as they are read). */
    int onData(Http2Stream stream, ByteBuf data, int padding, boolean endOfStream) {
        Http2StreamExchange exchange = stream.getProperty(exchangeKey);
        int size = data.readableBytes();
        if (exchange == null) {
            return size + padding;
        }
        int now = padding;
        long received = exchange.body.receivedBytes() + size;
        if (settings.maxBodySize >= 0 && received > settings.maxBodySize) {
            now += size;
            exchange.body.fail(new dev.pronto.container.RequestBodyException(413, "request body exceeds "
                    + settings.maxBodySize + " bytes"));
            if (!exchange.isCommitted()) {
                exchange.respondFromEngine(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
            }
        } else {
            now += exchange.body.offer(data.retain());
        }
        if (endOfStream) {
            exchange.body.complete(null);
        }
        return now;
    }

    void onTrailers(Http2Stream stream, Http2Headers headers, boolean endOfStream) throws Http2Exception {
        Http2StreamExchange exchange = stream.getProperty(exchangeKey);
        if (!endOfStream) {
            // RFC 9113 §8.1: a second HEADERS must end the stream; anything else is malformed
            throw Http2Exception.streamError(stream.id(), Http2Error.PROTOCOL_ERROR, "trailers without END_STREAM");
        }
        if (exchange != null) {
            exchange.body.complete(Http2RequestHead.trailers(headers));
        }
    }

    /** True once the stream's request head was taken (handed to the handler or answered by the engine). */
    boolean hasRequest(Http2Stream stream) {
        return stream.getProperty(exchangeKey) != null || stream.getProperty(rejectedKey) != null;
    }

    private void streamClosed(Http2Stream stream) {
        Http2StreamExchange exchange = stream.removeProperty(exchangeKey);
        lastActivity = System.nanoTime();
        if (exchange != null) {
            exchange.onStreamClosed();
            counters.requestEnded(exchange.wireEnded && exchange.isEnded() ? RequestOutcome.of(exchange.status())
                    : RequestOutcome.ABORTED);
        }
        if (draining && connection().numActiveStreams() == 0 && ctx != null) {
            ctx.flush();
            ctx.close();
        }
    }

    private void writabilityChanged(Http2Stream stream) {
        Http2StreamExchange exchange = stream.getProperty(exchangeKey);
        if (exchange != null) {
            exchange.flowWritable = encoder().flowController().isWritable(stream);
            exchange.runWritableCallback();
        }
    }

    // ---- outbound ------------------------------------------------------------------------------------------

    /** Hands an exchange's op over from any thread; ops of one exchange are written in the order submitted. */
    void submit(Http2Op op) {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            process(op);
            flushUnlessInBatch();
            return;
        }
        offLoopOps.add(op);
        if (drainScheduled.compareAndSet(false, true)) {
            CompletionBatch batch = op.exchange().completionBatch();
            if (batch == null) {
                scheduleDrain();
            } else {
                batch.defer(wakeUp); // inside a worker task: one wake-up per task, not per response
            }
        }
    }

    private void scheduleDrain() {
        try {
            eventLoop().execute(drainOps);
        } catch (RejectedExecutionException e) {
            // the event loops are gone (a request outlived stop()): nothing can be written, release what waits
            drainScheduled.set(false);
            Http2Op op;
            while ((op = offLoopOps.poll()) != null) {
                op.release();
            }
        }
    }

    private void drainOffLoopOps() {
        drainScheduled.set(false);
        boolean wasInBatch = inReadBatch;
        inReadBatch = true;
        Http2Op op;
        while ((op = offLoopOps.poll()) != null) {
            process(op);
        }
        inReadBatch = wasInBatch;
        flushUnlessInBatch();
    }

    private void flushUnlessInBatch() {
        if (!inReadBatch && flushPending) {
            flushPending = false;
            flush(ctx); // writes what the send windows allow, then one flush
        }
    }

    private void process(Http2Op op) {
        Http2StreamExchange exchange = op.exchange();
        Http2Stream stream = connection().stream(exchange.streamId);
        exchange.addQueued(-op.dataSize());
        if (stream == null || !open || exchange.wireEnded && op.kind() != Http2Op.Kind.CONSUME) {
            op.release(); // the stream is gone (reset, closed) or the engine answered already
            return;
        }
        Http2FrameWrites.write(this, ctx, stream, op);
        flushPending = true;
        if (op.endsResponse()) {
            exchange.wireEnded = true;
        }
        if (op.dataSize() > 0 || op.kind() == Http2Op.Kind.HEADERS) {
            exchange.flowWritable = encoder().flowController().isWritable(stream);
        }
    }

    /**
     * RFC 9113 §8.1: once the response is complete, a server may end a request whose body the client is still
     * sending with RST_STREAM(NO_ERROR); done only when the last frame really left (not while it waits for window).
     */
    void resetWhenWritten(int streamId, ChannelFuture written) {
        Http2Stream now = connection().stream(streamId);
        if (now == null || !now.state().remoteSideOpen()) {
            return; // the client's side already ended (the usual case): no listener per response
        }
        written.addListener(f -> {
            Http2Stream stream = connection().stream(streamId);
            if (f.isSuccess() && stream != null && stream.state() == Http2Stream.State.HALF_CLOSED_LOCAL) {
                resetStream(ctx, streamId, Http2Error.NO_ERROR.code(), ctx.newPromise());
                ctx.flush();
            }
        });
    }

    void consume(Http2Stream stream, int bytes) {
        if (stream.state() == Http2Stream.State.CLOSED || bytes <= 0) {
            return;
        }
        try {
            connection().local().flowController().consumeBytes(stream, bytes);
        } catch (Http2Exception e) {
            onError(ctx, true, e);
        }
    }

    static Http2Headers continueHeaders() {
        return new DefaultHttp2Headers(false).status(HttpResponseStatus.CONTINUE.codeAsText());
    }

    // ---- idle timeout and graceful shutdown ------------------------------------------------------------------

    private void armIdleTimer(long delayNanos) {
        idleTimer = eventLoop().schedule(this::onIdleTimer, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void onIdleTimer() {
        if (!open) {
            return;
        }
        long idleFor = System.nanoTime() - lastActivity;
        if (connection().numActiveStreams() == 0 && idleFor >= settings.idleTimeoutNanos) {
            log.debug("Connection {}: idle timeout", id());
            goAwayAndClose();
            return;
        }
        armIdleTimer(Math.max(settings.idleTimeoutNanos - idleFor, settings.idleTimeoutNanos / 4));
    }

    private void goAwayAndClose() {
        int last = connection().remote().lastStreamCreated();
        goAway(ctx, last, Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER, ctx.newPromise());
        ctx.flush();
        ctx.close();
    }

    /**
     * Graceful shutdown: GOAWAY(NO_ERROR) naming the last stream taken (RFC 9113 §6.8), so the client retries later
     * ones elsewhere; streams in flight finish, then the connection closes.
     */
    @Override
    public void drain() {
        if (ctx == null) {
            return;
        }
        eventLoop().execute(() -> {
            if (!open || draining) {
                return;
            }
            draining = true;
            int last = connection().remote().lastStreamCreated();
            goAway(ctx, last, Http2Error.NO_ERROR.code(), Unpooled.EMPTY_BUFFER, ctx.newPromise());
            ctx.flush();
            if (connection().numActiveStreams() == 0) {
                ctx.close();
            }
        });
    }

    @Override
    public void closeNow() {
        if (ctx != null) {
            ctx.channel().close();
        }
    }

    // ---- accessors for exchanges -----------------------------------------------------------------------------

    boolean isOpen() {
        return open;
    }

    ChannelFacts facts() {
        return facts;
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

    AsciiString serverHeader() {
        return settings.serverHeader;
    }

    long blockingTimeoutMillis() {
        return settings.blockingTimeoutMillis;
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) ctx.channel().remoteAddress();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) ctx.channel().localAddress();
    }
}
