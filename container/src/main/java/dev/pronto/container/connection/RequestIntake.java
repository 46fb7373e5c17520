package dev.pronto.container.connection;

import dev.pronto.container.RequestBodyException;
import dev.pronto.container.http1.Http1DecodeError;
import dev.pronto.container.http1.Http1ErrorResponses;
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
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one connection's decoded input into exchanges: numbers each request, puts it in the response line,
 * dispatches it to the handler, feeds its body, and answers bad input itself (decode errors, unmet expectations,
 * head timeouts) in order, so it never reaches the handler. Event loop only; owns each message it is given.
 */
final class RequestIntake {

    private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);
    private static final HttpRequest NO_REQUEST =
            new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", EmptyHttpHeaders.INSTANCE);

    private final Http1Connection connection;
    private final ConnectionSettings settings;
    private final ResponseSequencer sequencer;
    private final ConnectionTimer timer;
    private final LoopCounters counters;
    private final ChannelFacts facts;
    private final BodyFeed bodyFeed = new BodyFeed();
    private long requestCount;

    RequestIntake(Http1Connection connection, ConnectionSettings settings, ResponseSequencer sequencer,
                  ConnectionTimer timer, LoopCounters counters, ChannelFacts facts) {
        this.connection = connection;
        this.settings = settings;
        this.sequencer = sequencer;
        this.timer = timer;
        this.counters = counters;
        this.facts = facts;
    }

    /** True while a request body is arriving (its chunks are taken even once no new request is). */
    boolean receivingBody() {
        return bodyFeed.isActive();
    }

    /** The connection closed: no body arrives any more. */
    void stop() {
        bodyFeed.stop();
    }

    void process(Object msg) {
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
        timer.headComplete();
        long bodyLength = 0;
        if (request instanceof FullHttpRequest full) {
            full.release();
        } else {
            bodyLength = HttpUtil.getContentLength(request, -1L);
        }
        CharSequence expect = request.headers().get(HttpHeaderNames.EXPECT);
        if (expect != null && !AsciiString.contentEqualsIgnoreCase(expect, HttpHeaderValues.CONTINUE)) {
            // RFC 9110 §10.1.1: an expectation we cannot meet is answered with 417.
            respondWithError(HttpResponseStatus.EXPECTATION_FAILED); // says close: the connection closes after
            return;
        }
        if (connection.engineUpgrade() != null && connection.isHeldForUpgrade() && offerUpgrade(request)) {
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !connection.shuttingDown();
        Http1Exchange exchange = new Http1Exchange(connection, request, ++requestCount, bodyLength, keepAlive, false);
        sequencer.enqueue(exchange);
        if (bodyLength != 0) {
            bodyFeed.start(exchange);
        }
        if (!keepAlive) {
            connection.moveTo(ConnectionState.DRAINING); // RFC 9112 §9.6: no request after the one that asked to close
        }
        counters.increment(LoopCounters.REQUESTS_STARTED);
        connection.pauseIfHeldForUpgrade();
        dispatch(exchange);
    }

    /**
     * A request asking for a protocol the engine speaks itself (h2c): the engine answers 101 and the new protocol
     * serves the request again, or 400 when the upgrade fields are malformed. Returns false to go on as HTTP/1.1.
     */
    private boolean offerUpgrade(HttpRequest request) {
        EngineUpgrade upgrade = connection.engineUpgrade();
        EngineUpgrade.Decision decision = upgrade.decide(request, connection.heldBytes());
        if (decision == EngineUpgrade.Decision.PASS) {
            return false;
        }
        connection.pauseIfHeldForUpgrade();
        if (decision == EngineUpgrade.Decision.MALFORMED) {
            log.debug("Connection {}: malformed upgrade request", facts.id());
            respondWithError(HttpResponseStatus.BAD_REQUEST);
            return true;
        }
        // synthetic: the new protocol counts the request when it serves it
        Http1Exchange exchange = new Http1Exchange(connection, request, ++requestCount, 0, true, true);
        sequencer.enqueue(exchange);
        upgrade.switchingHeaders(request, exchange.responseHeaders());
        exchange.upgrade(new EngineSwitch(upgrade, request));
        return true;
    }

    private void dispatch(Http1Exchange exchange) {
        try {
            settings.handler.handle(exchange);
        } catch (Throwable t) {
            log.error("Handler failed on {}", exchange, t);
            if (!exchange.isCommitted()) {
                exchange.respondFromEngine(Http1ErrorResponses.create(facts.alloc(),
                        HttpResponseStatus.INTERNAL_SERVER_ERROR, settings.serverLine, true));
            } else if (!exchange.isEnded()) {
                exchange.abort();
            }
        }
    }

    private void onContent(HttpContent content) {
        Http1Exchange exchange = bodyFeed.receiving();
        if (!bodyFeed.offer(content, exchange != null && sequencer.hasEnded(exchange))) {
            log.debug("Connection {}: closing rather than swallow a large unread body", facts.id());
            connection.closeAfterFlush();
        }
    }

    private void onDecodeError(Http1DecodeError error) {
        log.debug("Connection {}: rejecting request: {} {}", facts.id(), error.status().code(), error.detail());
        connection.moveTo(ConnectionState.DRAINING);
        Http1Exchange exchange = bodyFeed.stop();
        if (exchange == null) {
            respondWithError(error.status());
            return;
        }
        settings.registry.counters().decodeError(error.status().code());
        ((StreamedRequestBody) exchange.body())
                .fail(new RequestBodyException(error.status().code(), error.detail()));
        if (!sequencer.hasStarted(exchange)) {
            exchange.respondFromEngine(Http1ErrorResponses.create(facts.alloc(), error.status(),
                    settings.serverLine, true));
            return;
        }
        // Its response is already (partly) out, so the only answer left is to close once it is: the bytes after
        // the bad chunk cannot be framed (RFC 9112 §9.3, §11.2).
        exchange.disableKeepAlive();
        if (sequencer.isIdle()) {
            connection.closeAfterFlush(); // the response already left: nothing else will close the connection
        }
    }

    /** Answers in order with an engine-made error, then closes: the request never reaches the handler. */
    void respondWithError(HttpResponseStatus status) {
        connection.moveTo(ConnectionState.DRAINING);
        settings.registry.counters().decodeError(status.code());
        Http1Exchange synthetic = new Http1Exchange(connection, NO_REQUEST, ++requestCount, 0, false, true);
        sequencer.enqueue(synthetic);
        synthetic.respondFromEngine(Http1ErrorResponses.create(facts.alloc(), status, settings.serverLine, true));
        try {
            settings.handler.rejected(status.code(), facts.remoteAddress(), facts.localAddress());
        } catch (RuntimeException e) {
            log.debug("Handler failed on a rejected request: {}", e.toString());
        }
    }
}
