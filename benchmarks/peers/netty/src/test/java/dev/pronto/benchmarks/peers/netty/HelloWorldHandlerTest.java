package dev.pronto.benchmarks.peers.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HelloWorldHandlerTest {

    /** Counts flushes reaching the head of the pipeline. */
    static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    @Test
    void pipelinedRequestsInOneReadAreAnsweredInOrderWithOneFlush() {
        FlushCounter counter = new FlushCounter();
        EmbeddedChannel channel = new EmbeddedChannel(counter, new HttpServerCodec(), new HelloWorldHandler());

        channel.writeInbound(ascii("""
                GET /plaintext HTTP/1.1\r
                Host: localhost\r
                \r
                GET /json HTTP/1.1\r
                Host: localhost\r
                \r
                GET /nope HTTP/1.1\r
                Host: localhost\r
                \r
                """));

        String out = drainOutbound(channel);
        assertEquals(1, counter.flushes);
        Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(out);
        assertTrue(status.find());
        assertEquals("200", status.group(1));
        assertTrue(status.find());
        assertEquals("200", status.group(1));
        assertTrue(status.find());
        assertEquals("404", status.group(1));
        int plaintext = out.indexOf("\r\n\r\nHello, World!");
        int json = out.indexOf("\r\n\r\n{\"message\":\"Hello, World!\"}");
        assertTrue(plaintext > 0 && json > plaintext, out);
        assertTrue(out.contains("content-length: 13\r\n"), out);
        assertTrue(out.contains("content-length: 27\r\n"), out);
        assertTrue(out.contains("date: "), out);
        assertTrue(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void connectionCloseIsHonoured() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new HelloWorldHandler());

        channel.writeInbound(ascii("GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));

        String out = drainOutbound(channel);
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n"), out);
        assertTrue(out.contains("connection: close\r\n"), out);
        assertFalse(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static String drainOutbound(EmbeddedChannel channel) {
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            out.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return out.toString();
    }
}
