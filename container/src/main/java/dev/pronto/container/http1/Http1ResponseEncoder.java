package dev.pronto.container.http1;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Netty's response encoder, told which responses answer a {@code HEAD} request so that it frames no body for
 * them. Runs on the event loop; releases every message it encodes.
 */
public final class Http1ResponseEncoder extends HttpResponseEncoder {

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse msg) {
        return msg instanceof HeadResponse || super.isContentAlwaysEmpty(msg);
    }
}
