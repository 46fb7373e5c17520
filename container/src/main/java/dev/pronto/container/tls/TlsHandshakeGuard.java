package dev.pronto.container.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SniCompletionEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits right after the TLS handler of one connection: a handshake that fails (not TLS, bad ClientHello, alert, no
 * shared cipher, missing client certificate) or stalls past the timeout closes the connection, is counted once and
 * logged at debug level without a stack trace; later TLS record errors close quietly too. Event loop only. It
 * overrides neither reads nor writes, so Netty skips it on the data path.
 */
final class TlsHandshakeGuard extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(TlsHandshakeGuard.class);

    private final TlsEndpoint endpoint;
    private boolean handshakeDone;
    private boolean failed;

    TlsHandshakeGuard(TlsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                handshakeDone = true;
            } else {
                fail(ctx, done.cause());
                return;
            }
        } else if (evt instanceof SniCompletionEvent sni && !sni.isSuccess()) {
            fail(ctx, sni.cause());
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!handshakeDone) {
            fail(ctx, cause);
        } else if (isTls(cause)) {
            log.debug("Connection {}: TLS error: {}", ctx.channel().id().asShortText(), rootMessage(cause));
            ctx.close();
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (!failed) {
            failed = true;
            endpoint.handshakeFailed();
            log.debug("Connection {} from {}: TLS handshake failed: {}", ctx.channel().id().asShortText(),
                    ctx.channel().remoteAddress(), rootMessage(cause));
        }
        ctx.close();
    }

    private static boolean isTls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
