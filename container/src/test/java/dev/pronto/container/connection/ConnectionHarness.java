package dev.pronto.container.connection;

import dev.pronto.container.HttpHandler;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.http1.Http1RequestDecoder;
import dev.pronto.container.http1.Http1ResponseEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An {@link Http1Connection} on an {@link EmbeddedChannel} behind the real decoder and encoder, with a counter of
 * the writes and flushes that reach the transport. Test thread only (the embedded loop runs on it).
 */
final class ConnectionHarness {

    /** Counts writes and flushes on their way to the transport. */
    static final class WireCounter extends ChannelOutboundHandlerAdapter {
        int writes;
        int flushes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            writes++;
            ctx.write(msg, promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    final WireCounter wire = new WireCounter();
    final ConnectionRegistry registry = new ConnectionRegistry(100);
    final Http1Connection connection;
    final EmbeddedChannel channel;

    ConnectionHarness(HttpHandler handler) {
        this(handler, b -> b);
    }

    ConnectionHarness(HttpHandler handler, UnaryOperator<ServerConfig.Builder> config) {
        ConnectionSettings settings = new ConnectionSettings(config.apply(ServerConfig.builder().port(0)).build(),
                handler, registry);
        Http1RequestDecoder decoder = new Http1RequestDecoder(8192, 8192, -1);
        connection = new Http1Connection(settings, decoder);
        channel = new EmbeddedChannel(wire, decoder, new Http1ResponseEncoder(), connection);
    }

    static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    /** One read of {@code bytes} followed by its read-complete. */
    void read(String bytes) {
        channel.writeInbound(ascii(bytes));
    }

    /** Everything written so far, as text; releases the buffers. */
    String output() {
        StringBuilder sb = new StringBuilder();
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) msg;
            sb.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return sb.toString();
    }

    /** The bodies of the {@code 200} responses in {@code wire}, in order. */
    static List<String> bodies(String wire) {
        List<String> bodies = new ArrayList<>();
        for (String part : wire.split("HTTP/1.1 200 OK\r\n")) {
            if (!part.isEmpty()) {
                bodies.add(part.substring(part.indexOf("\r\n\r\n") + 4));
            }
        }
        return bodies;
    }
}
