package dev.pronto.container.connection;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Feeds the request body that is arriving now to its exchange's {@link StreamedRequestBody}: at most one body
 * arrives at a time on HTTP/1.1 (RFC 9112 §9.3: requests follow each other on the wire). Takes ownership of each
 * content message. Event loop only.
 */
final class BodyFeed {

    /** Unread body bytes a finished exchange may still swallow before the connection is closed instead. */
    static final long MAX_SWALLOW = 1024 * 1024;

    private Http1Exchange receiving;
    private long swallowed;

    /** {@code exchange}'s body starts arriving. */
    void start(Http1Exchange exchange) {
        receiving = exchange;
        swallowed = 0;
    }

    /** True while a body is arriving. */
    boolean isActive() {
        return receiving != null;
    }

    /** Stops feeding (a decode error, the connection closed) and returns the exchange that was receiving, or null. */
    Http1Exchange stop() {
        Http1Exchange exchange = receiving;
        receiving = null;
        return exchange;
    }

    /**
     * Hands {@code content} to the receiving body; false when the response already ended and more than
     * {@link #MAX_SWALLOW} unread bytes followed it: closing is cheaper than reading on.
     */
    boolean offer(HttpContent content, boolean responseEnded) {
        Http1Exchange exchange = receiving;
        if (exchange == null) {
            content.release();
            return true;
        }
        StreamedRequestBody body = (StreamedRequestBody) exchange.body();
        if (content.content().isReadable()) {
            if (responseEnded) {
                swallowed += content.content().readableBytes();
            }
            body.offer(content.content());
        } else {
            content.release();
        }
        if (content instanceof LastHttpContent last) {
            body.complete(last.trailingHeaders());
            receiving = null;
            return true;
        }
        return swallowed <= MAX_SWALLOW;
    }

    /** The exchange receiving now, or null. */
    Http1Exchange receiving() {
        return receiving;
    }
}
