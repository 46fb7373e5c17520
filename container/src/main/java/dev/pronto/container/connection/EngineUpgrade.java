package dev.pronto.container.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A protocol the engine itself switches an HTTP/1.1 connection to (HTTP/2 by {@code Upgrade: h2c}, RFC 7540 §3.2),
 * without asking the application: the request is answered with a 101 by the engine and served again as the new
 * protocol's first request. Event loop; one instance may serve every connection of a port.
 */
public interface EngineUpgrade {

    /** What the engine does with a bodiless request that asks to upgrade. */
    enum Decision {
        /** Not for the engine: the application sees the request as HTTP/1.1 (and may upgrade it itself). */
        PASS,
        /** 101, then the new protocol. */
        SWITCH,
        /** The upgrade fields are malformed: 400, then close. */
        MALFORMED
    }

    /**
     * Decides on {@code request}, a bodiless request carrying {@code Upgrade}; {@code held} are the bytes the client
     * sent after it (read-only, not to be kept).
     */
    Decision decide(HttpRequest request, ByteBuf held);

    /** The fields of the 101 answering {@code request} ({@code Connection: Upgrade}, {@code Upgrade: ...}). */
    void switchingHeaders(HttpRequest request, HttpHeaders response);

    /**
     * The 101 was flushed and the HTTP/1.1 encoder removed: puts the protocol's handler right after {@code decoder}
     * (whose held bytes reach it next) and serves {@code request} as its first request. Returns the connection for
     * the registry to drain from now on.
     */
    ConnectionRegistry.Member install(ChannelHandlerContext decoder, HttpRequest request);
}
