package dev.pronto.container.connection;

import dev.pronto.container.CompletionBatch;
import dev.pronto.container.RequestOutcome;
import dev.pronto.container.UpgradedProtocol;
import dev.pronto.container.http1.Http1RequestDecoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one HTTP/1.1 connection (states in {@link ConnectionState}): numbers requests in arrival order,
 * dispatches them to the handler, feeds their bodies, and hands their responses to the {@link ResponseSequencer},
 * which writes them in request order and flushes once per batch. Reading is gated by a {@link ReadGate}, timeouts
 * by a {@link ConnectionTimer}, off-loop completions arrive through an {@link OffLoopInbox}. Event loop only,
 * except {@link #submit} and the accessors exchanges call from any thread.
 */
public final class Http1Connection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(Http1Connection.class);

    private final ConnectionSettings settings;
    private final Http1RequestDecoder decoder;
    private final boolean secure;
    private final Consumer<Object> processParked = this::processParked;
    /** The protocol this cleartext port may switch to by itself (h2c), or null. */
    private final EngineUpgrade engineUpgrade;

    private volatile ConnectionState state = ConnectionState.NEW;
    private ChannelHandlerContext ctx;
    private ChannelFacts facts;
    /** This loop's counters, looked up once on the loop (handlerAdded). */
    private LoopCounters counters;
    private ResponseSequencer sequencer;
    private OffLoopInbox inbox;
    private ReadGate readGate;
    private ParkedInput parked;
    private IntSupplier inFlight;
    private ConnectionTimer timer;
    private RequestIntake intake;
    private boolean registered;
    /** Set once the connection switched protocols (101); from then on it only waits to be closed or drained. */
    private Http1UpgradedConnection upgraded;
    /** The exchange that last left the line: the one an upgrade decision is about. */
    private Http1Exchange lastRetired;

    public Http1Connection(ConnectionSettings settings, Http1RequestDecoder decoder) {
        this(settings, decoder, false);
    }

    /** @param secure whether the channel's pipeline starts with a TLS handler */
    public Http1Connection(ConnectionSettings settings, Http1RequestDecoder decoder, boolean secure) {
        this(settings, decoder, secure, null);
    }

    /** @param engineUpgrade the protocol the engine switches to by itself on {@code Upgrade} (h2c), or null */
    public Http1Connection(ConnectionSettings settings, Http1RequestDecoder decoder, boolean secure,
                           EngineUpgrade engineUpgrade) {
        this.settings = settings;
        this.decoder = decoder;
        this.secure = secure;
        this.engineUpgrade = engineUpgrade;
    }

    // ---- life cycle -------------------------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        facts = new ChannelFacts(ctx.channel(), secure);
        counters = settings.registry.counters().forCurrentLoop();
        Owner owner = new Owner();
        sequencer = new ResponseSequencer(ctx, counters, owner);
        inbox = new OffLoopInbox(ctx.channel().eventLoop(), sequencer);
        readGate = new ReadGate(ctx.channel().config());
        parked = new ParkedInput(settings.maxPipelined, readGate);
        inFlight = sequencer::inFlight;
        timer = new ConnectionTimer(ctx.channel().eventLoop(), settings.headTimeoutNanos, settings.idleTimeoutNanos,
                owner);
        intake = new RequestIntake(this, settings, sequencer, timer, counters, facts);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!settings.registry.tryOpen(this, counters)) {
            moveTo(ConnectionState.CLOSING);
            ctx.close();
            return;
        }
        registered = true;
        moveTo(ConnectionState.OPEN);
        timer.start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        moveTo(ConnectionState.CLOSED);
        Http1Exchange ex;
        while ((ex = sequencer.pollClosed()) != null) {
            if (!ex.synthetic) {
                requestEnded(RequestOutcome.ABORTED);
            }
        }
        intake.stop();
        parked.releaseAll();
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

    /** The one transition: {@link ConnectionState#to} decides; leaving OPEN/DRAINING stops the timer. */
    void moveTo(ConnectionState next) {
        ConnectionState now = state.to(next);
        state = now;
        if (!now.writes() && now != ConnectionState.NEW) {
            timer.stop();
        }
    }

    // ---- inbound ----------------------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        sequencer.beginBatch();
        if (!state.acceptsRequests() && !intake.receivingBody()) {
            ReferenceCountUtil.release(msg);
        } else if (!parked.parkIfFull(msg, sequencer.inFlight())) {
            intake.process(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        timer.onRead(decoder.isHeadInProgress());
        sequencer.endBatch();
        ctx.fireChannelReadComplete();
    }

    // ---- outbound ----------------------------------------------------------------------------------------

    /** Hands a response message over from any thread; it leaves in request order. */
    void submit(Http1Exchange exchange, Object msg, boolean last, CompletionBatch batch) {
        if (eventLoop().inEventLoop()) {
            sequencer.submit(exchange, msg, last);
        } else {
            inbox.add(new OffLoopInbox.Op(exchange, msg, last), batch);
        }
    }

    /** The server's graceful shutdown has begun; read from the registry so every connection sees it at once. */
    boolean shuttingDown() {
        return settings.registry.isDraining();
    }

    private void releaseParked() {
        parked.release(processParked, inFlight, state.writes());
    }

    private void processParked(Object msg) {
        if (!state.acceptsRequests() && !intake.receivingBody()) {
            ReferenceCountUtil.release(msg);
        } else {
            intake.process(msg);
        }
    }

    /** Flushes what was written, then closes; nothing is read or written after. */
    void closeAfterFlush() {
        moveTo(ConnectionState.CLOSING);
        sequencer.closeAfterFlush();
    }

    private void requestEnded(RequestOutcome outcome) {
        counters.increment(LoopCounters.OUTCOMES + outcome.ordinal());
        counters.increment(LoopCounters.REQUESTS_ENDED);
    }

    /** Runs {@code task} on the event loop: now if called there, else queued. */
    private void onLoop(Runnable task) {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    void sendContinue(Http1Exchange exchange) {
        onLoop(() -> sequencer.sendContinue(exchange));
    }

    void abort(Http1Exchange exchange) {
        onLoop(this::closeNow);
    }

    // ---- backpressure and writability ---------------------------------------------------------------------

    void pauseReadingForBody() {
        readGate.pause(ReadGate.Reason.BACKPRESSURE);
    }

    void resumeReadingForBody() {
        onLoop(() -> readGate.resume(ReadGate.Reason.BACKPRESSURE, state.writes()));
    }

    /**
     * A request was decoded: if it asked to upgrade, the decoder holds what follows it, and nothing more is read
     * until the handler decided (see {@link #decideUpgrade}).
     */
    void pauseIfHeldForUpgrade() {
        if (decoder.isHeldForUpgrade()) {
            readGate.pause(ReadGate.Reason.UPGRADE_DECISION);
        }
    }

    // ---- protocol upgrade (RFC 9110 §7.8) -------------------------------------------------------------------

    /**
     * The request that asked to upgrade got its response: a 101 switches the connection to the new protocol
     * (RFC 9110 §15.2.2), anything else parses the bytes held back behind it as HTTP again.
     */
    private void decideUpgrade(Http1Exchange done) {
        UpgradedProtocol protocol = done == null ? null : done.upgradeTo();
        // Both ways run as their own task, outside the decoder's read that may still be on the stack.
        eventLoop().execute(protocol == null ? this::resumeAfterDeclinedUpgrade : () -> switchProtocols(protocol));
    }

    private void switchProtocols(UpgradedProtocol protocol) {
        if (state != ConnectionState.OPEN) {
            return; // closing already (shutdown, a timeout): the 101 was the last word
        }
        moveTo(ConnectionState.UPGRADED); // stops the timer: the upgraded connection keeps its own idle timer
        if (protocol instanceof EngineSwitch engine) {
            switchToEngineProtocol(engine);
            return;
        }
        upgraded = Http1UpgradedConnection.install(ctx, protocol, settings.idleTimeoutNanos);
        readGate.resume(ReadGate.Reason.UPGRADE_DECISION, true); // the upgraded protocol reads from now on
    }

    /**
     * The engine's own switch (h2c): the new protocol's handler takes the connection, its place in the registry and
     * the held bytes; this handler and the HTTP/1.1 codec leave the pipeline.
     */
    private void switchToEngineProtocol(EngineSwitch engine) {
        ctx.flush(); // the 101 leaves before anything of the new protocol
        ctx.pipeline().remove("encoder");
        ConnectionRegistry.Member member = engine.upgrade().install(ctx.pipeline().context(decoder), engine.request());
        if (registered) {
            registered = false;
            settings.registry.handOver(this, member);
        }
        intake.stop();
        parked.releaseAll();
        readGate.resume(ReadGate.Reason.UPGRADE_DECISION, true);
        ctx.pipeline().remove(decoder); // fires its held bytes into the new protocol
        ctx.pipeline().remove(this);
    }

    private void resumeAfterDeclinedUpgrade() {
        if (!state.writes()) {
            return;
        }
        // Resume first: a held request that asks to upgrade again pauses anew while it is decoded here.
        readGate.resume(ReadGate.Reason.UPGRADE_DECISION, state.writes());
        try {
            decoder.resumeAfterDeclinedUpgrade(ctx.pipeline().context(decoder));
        } catch (Exception e) {
            exceptionCaught(ctx, e);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            sequencer.channelWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    boolean isWritableFor(Http1Exchange exchange) {
        return sequencer.isWritableFor(exchange);
    }

    void onWritable(Http1Exchange exchange, Runnable callback) {
        onLoop(() -> sequencer.onWritable(exchange, callback));
    }

    void onClose(Http1Exchange exchange, Runnable listener) {
        onLoop(() -> exchange.addCloseListener(listener, state.writes()));
    }

    // ---- timeouts and shutdown ------------------------------------------------------------------------------

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
            } else if (state.writes() && sequencer.isIdle() && !timer.headInProgress() && !intake.receivingBody()) {
                closeAfterFlush();
            }
        });
    }

    void closeNow() {
        if (ctx != null) {
            ctx.channel().close();
        }
    }

    // ---- accessors for exchanges -----------------------------------------------------------------------------

    EngineUpgrade engineUpgrade() {
        return engineUpgrade;
    }

    boolean isHeldForUpgrade() {
        return decoder.isHeldForUpgrade();
    }

    io.netty.buffer.ByteBuf heldBytes() {
        return decoder.heldBytes();
    }

    boolean isOpen() {
        return state.writes();
    }

    ChannelFacts facts() {
        return facts;
    }

    private String id() {
        return ctx == null ? "?" : facts.id();
    }

    private EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    byte[] serverLine() {
        return settings.serverLine;
    }

    long blockingTimeoutMillis() {
        return settings.blockingTimeoutMillis;
    }

    /** What the sequencer and the timer ask of this connection, kept off the handler's public surface. */
    private final class Owner implements ResponseSequencer.Owner, ConnectionTimer.Owner {

        @Override
        public boolean shuttingDown() {
            return Http1Connection.this.shuttingDown();
        }

        @Override
        public void closeAfterFlush() {
            Http1Connection.this.closeAfterFlush();
        }

        @Override
        public boolean writes() {
            return state.writes();
        }

        @Override
        public void closeAnnounced() {
            moveTo(ConnectionState.DRAINING);
        }

        @Override
        public void retired(Http1Exchange exchange) {
            if (decoder.isHeldForUpgrade()) {
                lastRetired = exchange;
            }
            if (!exchange.synthetic) {
                requestEnded(RequestOutcome.of(exchange.status()));
            }
            if (exchange.body() instanceof StreamedRequestBody body) {
                if (!body.isEnded() && exchange.expectContinue && !sequencer.continueSent(exchange)) {
                    // The client may be waiting for 100 before sending the body: the framing is unknowable.
                    exchange.disableKeepAlive();
                }
                body.discard(); // also releases chunks of a body that fully arrived but was never read
            }
        }

        @Override
        public void advanced(boolean empty) {
            if (empty) {
                timer.activity();
                if (state != ConnectionState.OPEN || shuttingDown()) {
                    closeAfterFlush();
                    return;
                }
                if (decoder.isHeldForUpgrade()) {
                    Http1Exchange done = lastRetired;
                    lastRetired = null;
                    decideUpgrade(done);
                    return;
                }
            }
            lastRetired = null;
            releaseParked();
        }

        @Override
        public boolean busy() {
            return !sequencer.isIdle();
        }

        @Override
        public void headTimedOut() {
            // A request head that trickles in too slowly (slowloris): RFC 9110 §15.5.9.
            log.debug("Connection {}: request head timed out", id());
            intake.respondWithError(HttpResponseStatus.REQUEST_TIMEOUT);
        }

        @Override
        public void idleTimedOut() {
            log.debug("Connection {}: idle timeout", id());
            ctx.close();
        }
    }
}
