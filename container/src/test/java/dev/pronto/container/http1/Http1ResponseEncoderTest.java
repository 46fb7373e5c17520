package dev.pronto.container.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The encoder's gathering: a batch's whole small responses leave as one buffer, byte for byte as Netty encodes. */
class Http1ResponseEncoderTest {

    private static Http1FullResponse response(int status, String body) {
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        return new Http1FullResponse(HttpResponseStatus.valueOf(status),
                Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII), headers, false,
                EngineHeaderLines.line("server: pronto"), body.length(), null);
    }

    /** Encodes with the void promise (gathered) or a real one (Netty's path); returns each outbound buffer. */
    private static String[] encode(boolean gather, Http1FullResponse... responses) {
        EmbeddedChannel channel = new EmbeddedChannel(new Http1ResponseEncoder());
        for (Http1FullResponse response : responses) {
            channel.write(response, gather ? channel.voidPromise() : channel.newPromise());
        }
        channel.flush();
        String[] out = new String[channel.outboundMessages().size()];
        for (int i = 0; i < out.length; i++) {
            ByteBuf buf = channel.readOutbound();
            out[i] = buf.toString(StandardCharsets.US_ASCII);
            buf.release();
        }
        assertFalse(channel.finish());
        return out;
    }

    @Test
    void gathersABatchIntoOneBufferWithNettysBytes() {
        String[] gathered = encode(true, response(200, "a"), response(404, "bb"), response(500, ""));
        String[] netty = encode(false, response(200, "a"), response(404, "bb"), response(500, ""));
        assertEquals(1, gathered.length);
        assertEquals(String.join("", netty), gathered[0]);
        assertEquals("HTTP/1.1 200 OK\r\nserver: pronto\r\ncontent-length: 1\r\ncontent-type: text/plain\r\n\r\na",
                netty[0]);
    }

    @Test
    void keepsOrderAroundWhatItDoesNotGather() {
        String[] gathered = encode(true, response(200, "a"), response(204, ""), response(200, "c"));
        String[] netty = encode(false, response(200, "a"), response(204, ""), response(200, "c"));
        assertEquals(String.join("", netty), String.join("", gathered));
        assertEquals(3, gathered.length); // the 204 takes Netty's path between two gathered buffers
    }

    @Test
    void writesOutPastTheGatherLimit() {
        String body = "z".repeat(Http1ResponseEncoder.MAX_GATHER / 4);
        Http1FullResponse[] batch = new Http1FullResponse[5];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = response(200, body);
        }
        String[] gathered = encode(true, batch);
        assertEquals(2, gathered.length); // four responses pass the limit, the fifth starts the next buffer
        assertEquals(5 * body.length(), String.join("", gathered).chars().filter(c -> c == 'z').count());
    }

    @Test
    void releasesWhatItGatheredWhenTheChannelClosesBeforeAFlush() {
        EmbeddedChannel channel = new EmbeddedChannel(new Http1ResponseEncoder());
        Http1FullResponse response = response(200, "a");
        channel.write(response, channel.voidPromise());
        assertEquals(0, response.refCnt());
        channel.close();
        assertNull(channel.readOutbound()); // paranoid leak detection fails the run if the gathered buffer leaked
        assertFalse(channel.finish());
    }
}
