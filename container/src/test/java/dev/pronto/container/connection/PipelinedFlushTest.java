package dev.pronto.container.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.http1.Http1RequestDecoder;
import dev.pronto.container.http1.Http1ResponseEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flush policy and response ordering of {@link Http1Connection}, driven through {@link EmbeddedChannel}. */
class PipelinedFlushTest {

    private static final String GET = "GET /n HTTP/1.1\r\nHost: t\r\n\r\n";

    /** Counts flushes that reach the transport. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    private static EmbeddedChannel channel(FlushCounter counter, dev.pronto.container.HttpHandler handler) {
        ServerConfig config = ServerConfig.builder().port(0).build();
        ConnectionSettings settings = new ConnectionSettings(config, handler, new ConnectionRegistry(100));
        Http1RequestDecoder decoder = new Http1RequestDecoder(8192, 8192, -1);
        return new EmbeddedChannel(counter, decoder, new Http1ResponseEncoder(), new Http1Connection(settings, decoder));
    }

    private static String drainOutbound(EmbeddedChannel channel) {
        StringBuilder sb = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            sb.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return sb.toString();
    }

    private static List<String> bodies(String wire) {
        List<String> bodies = new ArrayList<>();
        for (String part : wire.split("HTTP/1.1 200 OK\r\n")) {
            if (!part.isEmpty()) {
                bodies.add(part.substring(part.indexOf("\r\n\r\n") + 4));
            }
        }
        return bodies;
    }

    @Test
    void sixteenPipelinedRequestsInOneReadGiveOneFlushWithOrderedResponses() {
        FlushCounter counter = new FlushCounter();
        EmbeddedChannel channel = channel(counter, ex ->
                ex.send(Unpooled.copiedBuffer("#" + ex.requestNumber(), StandardCharsets.US_ASCII)));
        int before = counter.flushes;
        channel.writeInbound(Unpooled.copiedBuffer(GET.repeat(16), StandardCharsets.US_ASCII));
        assertEquals(1, counter.flushes - before, "one flush for the whole batch");
        List<String> bodies = bodies(drainOutbound(channel));
        assertEquals(16, bodies.size());
        for (int i = 0; i < 16; i++) {
            assertEquals("#" + (i + 1), bodies.get(i));
        }
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void completionsInReverseOrderStillLeaveInRequestOrder() {
        FlushCounter counter = new FlushCounter();
        List<HttpExchange> held = new ArrayList<>();
        EmbeddedChannel channel = channel(counter, held::add);
        channel.writeInbound(Unpooled.copiedBuffer(GET.repeat(16), StandardCharsets.US_ASCII));
        assertEquals(16, held.size());
        assertNull(channel.readOutbound(), "nothing may leave before the first response is ready");
        for (int i = 15; i >= 1; i--) {
            HttpExchange ex = held.get(i);
            ex.send(Unpooled.copiedBuffer("#" + ex.requestNumber(), StandardCharsets.US_ASCII));
        }
        channel.runPendingTasks();
        assertNull(channel.readOutbound(), "responses 2..16 wait behind the first");
        int before = counter.flushes;
        held.get(0).send(Unpooled.copiedBuffer("#1", StandardCharsets.US_ASCII));
        channel.runPendingTasks();
        assertEquals(1, counter.flushes - before, "the whole ready run leaves with one flush");
        List<String> bodies = bodies(drainOutbound(channel));
        assertEquals(16, bodies.size());
        for (int i = 0; i < 16; i++) {
            assertEquals("#" + (i + 1), bodies.get(i));
        }
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void requestsBeyondThePipelineLimitWaitAndReadingStops() {
        FlushCounter counter = new FlushCounter();
        List<HttpExchange> held = new ArrayList<>();
        ServerConfig config = ServerConfig.builder().port(0).maxPipelined(4).build();
        ConnectionSettings settings = new ConnectionSettings(config, held::add, new ConnectionRegistry(100));
        Http1RequestDecoder decoder = new Http1RequestDecoder(8192, 8192, -1);
        EmbeddedChannel channel = new EmbeddedChannel(counter, decoder, new Http1ResponseEncoder(),
                new Http1Connection(settings, decoder));
        channel.writeInbound(Unpooled.copiedBuffer(GET.repeat(6), StandardCharsets.US_ASCII));
        assertEquals(4, held.size(), "only maxPipelined requests are dispatched");
        assertFalse(channel.config().isAutoRead(), "the connection stops reading");
        held.get(0).send(Unpooled.copiedBuffer("a", StandardCharsets.US_ASCII));
        assertEquals(5, held.size(), "a finished response lets the next parked request in");
        for (int i = 1; i < 5; i++) {
            held.get(i).send(Unpooled.copiedBuffer("a", StandardCharsets.US_ASCII));
        }
        assertEquals(6, held.size());
        assertEquals(true, channel.config().isAutoRead(), "reading resumes once the parked requests are in");
        held.get(5).send(Unpooled.copiedBuffer("a", StandardCharsets.US_ASCII));
        channel.runPendingTasks();
        assertEquals(6, bodies(drainOutbound(channel)).size());
        assertFalse(channel.finishAndReleaseAll());
    }
}
