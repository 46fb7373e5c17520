package dev.pronto.container.connection;

import static dev.pronto.container.connection.ConnectionHarness.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.HttpHandler;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.UpgradedChannel;
import dev.pronto.container.UpgradedProtocol;
import dev.pronto.container.http1.Http1RequestDecoder;
import dev.pronto.container.http1.Http1ResponseEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upgrade decision on the connection machine (RFC 9110 §7.8, §15.2.2): reading stops while the handler decides,
 * a 101 hands the held bytes to the protocol and moves the connection to UPGRADED, anything else parses them as
 * HTTP again. Embedded channel with the pipeline names the upgrade looks for.
 */
class Http1ConnectionUpgradeTest {

    private static final String UPGRADE = "GET /ws HTTP/1.1\r\nHost: t\r\nUpgrade: test\r\nConnection: upgrade\r\n\r\n";

    /** Records what the upgraded connection hands it. Test thread (the embedded loop). */
    private static final class RecordingProtocol implements UpgradedProtocol {
        final StringBuilder data = new StringBuilder();
        UpgradedChannel channel;
        boolean closed;

        @Override
        public void onUpgraded(UpgradedChannel channel) {
            this.channel = channel;
        }

        @Override
        public void onData(ByteBuf bytes) {
            data.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }

        @Override
        public void onClosed() {
            closed = true;
        }
    }

    private Http1Connection connection;

    private EmbeddedChannel channel(HttpHandler handler) {
        ConnectionSettings settings = new ConnectionSettings(ServerConfig.builder().port(0).build(), handler,
                new ConnectionRegistry(10));
        Http1RequestDecoder decoder = new Http1RequestDecoder(8192, 8192, -1);
        connection = new Http1Connection(settings, decoder);
        return new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast("decoder", decoder)
                        .addLast("encoder", new Http1ResponseEncoder())
                        .addLast("connection", connection);
            }
        });
    }

    private static String output(EmbeddedChannel channel) {
        StringBuilder sb = new StringBuilder();
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) msg;
            sb.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return sb.toString();
    }

    @Test
    void readingStopsUntilTheHandlerDecides() {
        List<HttpExchange> held = new ArrayList<>();
        EmbeddedChannel channel = channel(held::add);
        channel.writeInbound(ascii(UPGRADE));
        assertEquals(1, held.size());
        assertFalse(channel.config().isAutoRead(), "nothing more is read while the upgrade is undecided");
        held.get(0).send(ascii("no"));
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead(), "declined: reading resumes");
        assertTrue(output(channel).startsWith("HTTP/1.1 200 OK\r\n"));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void a101HandsTheHeldBytesToTheProtocolAndTheConnectionIsUpgraded() {
        RecordingProtocol protocol = new RecordingProtocol();
        EmbeddedChannel channel = channel(ex -> {
            ex.responseHeaders().set("Upgrade", "test").set("Connection", "Upgrade");
            ex.upgrade(protocol);
        });
        channel.writeInbound(ascii(UPGRADE + "\u0001raw"));
        channel.runPendingTasks();
        assertTrue(output(channel).startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        assertEquals("\u0001raw", protocol.data.toString(), "the bytes behind the request go to the protocol");
        assertFalse(connection.isOpen(), "HTTP/1.1 writes nothing more (UPGRADED)");
        assertTrue(channel.config().isAutoRead(), "the protocol reads");
        assertNull(channel.pipeline().get("decoder"));
        assertNull(channel.pipeline().get("encoder"));
        channel.writeInbound(ascii("more"));
        assertEquals("\u0001rawmore", protocol.data.toString());
        channel.close();
        assertTrue(protocol.closed);
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aDeclinedUpgradeParsesTheHeldBytesAsHttp() {
        List<String> seen = new ArrayList<>();
        EmbeddedChannel channel = channel(ex -> {
            seen.add(ex.target());
            ex.send(ascii("ok"));
        });
        channel.writeInbound(ascii(UPGRADE + "GET /next HTTP/1.1\r\nHost: t\r\n\r\n"));
        channel.runPendingTasks();
        assertEquals(List.of("/ws", "/next"), seen);
        assertTrue(connection.isOpen());
        String wire = output(channel);
        assertEquals(2, wire.split("HTTP/1.1 200 OK\r\n", -1).length - 1, wire);
        assertFalse(channel.finishAndReleaseAll());
    }
}
