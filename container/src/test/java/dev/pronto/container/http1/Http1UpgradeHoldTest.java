package dev.pronto.container.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.CharsetUtil;
import org.junit.jupiter.api.Test;

/** The decoder holds the bytes behind a request asking to {@code Upgrade} (RFC 9110 §7.8) until the connection decides. */
class Http1UpgradeHoldTest {

    private static final String UPGRADE = "GET /a HTTP/1.1\r\nHost: x\r\nUpgrade: foo\r\nConnection: upgrade\r\n\r\n";
    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";

    private final Http1RequestDecoder decoder = new Http1RequestDecoder(256, 1024, 64);
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, CharsetUtil.US_ASCII));
    }

    private String readUri() {
        FullHttpRequest request = assertInstanceOf(FullHttpRequest.class, channel.readInbound());
        request.release();
        return request.uri();
    }

    @Test
    void bytesBehindAnUpgradeRequestAreNotParsed() {
        write(UPGRADE + NEXT);
        assertEquals("/a", readUri());
        assertNull(channel.readInbound(), "the pipelined request stays unparsed");
        assertTrue(decoder.isHeldForUpgrade());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aDeclinedUpgradeParsesTheHeldBytesAsHttp() throws Exception {
        write(UPGRADE + NEXT);
        assertEquals("/a", readUri());
        decoder.resumeAfterDeclinedUpgrade(channel.pipeline().context(decoder));
        assertEquals("/next", readUri());
        assertFalse(decoder.isHeldForUpgrade());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void anAcceptedUpgradeHandsTheHeldBytesOnWhenTheDecoderLeaves() {
        write(UPGRADE + "\u0001\u0002raw");
        assertEquals("/a", readUri());
        channel.pipeline().remove(decoder);
        ByteBuf raw = channel.readInbound();
        assertEquals("\u0001\u0002raw", raw.toString(CharsetUtil.US_ASCII));
        raw.release();
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aRequestWithoutUpgradeIsNotHeld() {
        write(NEXT + NEXT);
        assertEquals("/next", readUri());
        assertEquals("/next", readUri());
        assertFalse(decoder.isHeldForUpgrade());
        assertFalse(channel.finishAndReleaseAll());
    }
}
