package dev.pronto.container.http2;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.ReferenceCountUtil;

/**
 * One step an exchange asks of its connection, carried to the event loop when made elsewhere: frames to write,
 * window bytes to return, a reset. Immutable; owns {@link #data} until written or {@link #release}d.
 */
record Http2Op(Kind kind, Http2StreamExchange exchange, Http2Headers headers, ByteBuf data, boolean endStream,
               long code) {

    enum Kind { HEADERS, DATA, FULL, RESET, CONSUME, INTERIM }

    static Http2Op headers(Http2StreamExchange exchange, Http2Headers headers, boolean endStream) {
        return new Http2Op(Kind.HEADERS, exchange, headers, null, endStream, 0);
    }

    static Http2Op data(Http2StreamExchange exchange, ByteBuf data, boolean endStream) {
        return new Http2Op(Kind.DATA, exchange, null, data, endStream, 0);
    }

    /** A whole response: HEADERS then DATA with END_STREAM. */
    static Http2Op full(Http2StreamExchange exchange, Http2Headers headers, ByteBuf data) {
        return new Http2Op(Kind.FULL, exchange, headers, data, true, 0);
    }

    static Http2Op reset(Http2StreamExchange exchange, Http2Error error) {
        return new Http2Op(Kind.RESET, exchange, null, null, true, error.code());
    }

    /** Give {@code bytes} of request body back to the stream's receive window (they were read). */
    static Http2Op consume(Http2StreamExchange exchange, int bytes) {
        return new Http2Op(Kind.CONSUME, exchange, null, null, false, bytes);
    }

    /** A 100 (Continue) interim response, for {@code Expect: 100-continue}. */
    static Http2Op interim(Http2StreamExchange exchange) {
        return new Http2Op(Kind.INTERIM, exchange, null, null, false, 0);
    }

    /** Whether this op ends the response on the wire. */
    boolean endsResponse() {
        return endStream && kind != Kind.CONSUME && kind != Kind.INTERIM;
    }

    int dataSize() {
        return data == null ? 0 : data.readableBytes();
    }

    void release() {
        if (data != null) {
            ReferenceCountUtil.release(data);
        }
    }
}
