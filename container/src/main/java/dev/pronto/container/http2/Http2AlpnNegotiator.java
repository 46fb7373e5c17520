package dev.pronto.container.http2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import java.util.function.Consumer;

/**
 * On a TLS port that offers h2: once the handshake is done, installs HTTP/2 if ALPN chose {@code h2} (RFC 9113
 * §3.2), else the HTTP/1.1 handlers (a client that sent no ALPN gets HTTP/1.1). Bytes that arrived meanwhile are
 * handed to the chosen handlers. Event loop.
 */
public final class Http2AlpnNegotiator extends ApplicationProtocolNegotiationHandler {

    private final Http2ServerSettings settings;
    private final Consumer<ChannelPipeline> http1;

    /** @param http1 adds the HTTP/1.1 handlers at the end of the pipeline */
    public Http2AlpnNegotiator(Http2ServerSettings settings, Consumer<ChannelPipeline> http1) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.settings = settings;
        this.http1 = http1;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            Http2Pipelines.addHttp2(ctx.pipeline(), settings, true);
            return;
        }
        http1.accept(ctx.pipeline());
        ctx.fireChannelActive(); // the HTTP/1.1 connection starts its life (counting, timers) now
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // the TLS handshake guard in front has counted and logged it already
    }
}
