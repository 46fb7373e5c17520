package dev.pronto.container.connection;

import static dev.pronto.container.connection.ConnectionHarness.ascii;
import static dev.pronto.container.connection.ConnectionHarness.bodies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.HttpHandler;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The connection's own rules on an embedded channel: reading pauses for a slow body consumer and for a full
 * pipeline and resumes when both let go, graceful shutdown drains, a decode error in the middle of a pipelined
 * batch is answered in order and closes, and nothing after {@code Connection: close} is processed.
 */
class Http1ConnectionTest {

    private static final String GET = "GET /n HTTP/1.1\r\nHost: t\r\n\r\n";

    /** Answers {@code ok} at once, noting each target it saw. */
    private static HttpHandler answeringOk(List<String> seen) {
        return ex -> {
            seen.add(ex.target());
            ex.send(ascii("ok"));
        };
    }

    @Test
    void aSlowBodyConsumerPausesReadingUntilItCatchesUp() throws IOException {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add);
        int length = 100 * 1024;
        h.read("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: " + length + "\r\n\r\n");
        h.read("x".repeat(length - 10));
        assertFalse(h.channel.config().isAutoRead(), "more than the high-water mark unread: reading stops");
        ByteBuf chunk;
        int read = 0;
        while ((chunk = held.get(0).body().poll()) != null) {
            read += chunk.readableBytes();
            chunk.release();
        }
        assertEquals(length - 10, read);
        assertTrue(h.channel.config().isAutoRead(), "the consumer caught up: reading resumes");
        h.read("x".repeat(10));
        held.get(0).body().discard();
        held.get(0).send(ascii("ok"));
        assertEquals(List.of("ok"), bodies(h.output()));
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void readingResumesOnlyWhenNeitherBackpressureNorPipelineDepthHoldsIt() throws IOException {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add, b -> b.maxPipelined(1));
        h.read("POST /u HTTP/1.1\r\nHost: t\r\nContent-Length: 70000\r\n\r\n" + "x".repeat(70000) + GET);
        assertEquals(1, held.size(), "the second request waits for the pipeline");
        assertFalse(h.channel.config().isAutoRead());
        ByteBuf chunk;
        while ((chunk = held.get(0).body().poll()) != null) {
            chunk.release();
        }
        assertFalse(h.channel.config().isAutoRead(), "the pipeline still holds reading");
        held.get(0).send(ascii("a"));
        assertEquals(2, held.size());
        assertTrue(h.channel.config().isAutoRead(), "nothing holds reading any more");
        held.get(1).send(ascii("b"));
        assertEquals(List.of("a", "b"), bodies(h.output()));
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void requestsBeyondThePipelineDepthWaitAndReadingStops() {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add, b -> b.maxPipelined(4));
        h.read(GET.repeat(6));
        assertEquals(4, held.size(), "only maxPipelined requests are dispatched");
        assertFalse(h.channel.config().isAutoRead());
        held.get(0).send(ascii("a"));
        assertEquals(5, held.size(), "a finished response lets the next parked request in");
        for (int i = 1; i < 6; i++) {
            held.get(i).send(ascii("a"));
            assertEquals(Math.min(6, i + 5), held.size());
        }
        assertTrue(h.channel.config().isAutoRead(), "reading resumes once the parked requests are in");
        assertEquals(6, bodies(h.output()).size());
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void gracefulShutdownClosesAnIdleConnectionAtOnce() {
        ConnectionHarness h = new ConnectionHarness(ex -> ex.send(ascii("ok")));
        h.read(GET);
        h.output();
        h.registry.startDraining();
        h.channel.runPendingTasks();
        assertFalse(h.channel.isOpen());
        assertEquals("", h.output(), "nothing but the close");
        assertEquals(0, h.registry.connectionCount());
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void gracefulShutdownLetsTheResponsesInFlightFinishAndTheLastSaysClose() {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add);
        h.read(GET + GET);
        h.registry.startDraining();
        h.channel.runPendingTasks();
        assertTrue(h.channel.isOpen(), "responses are in flight");
        held.get(0).send(ascii("1"));
        held.get(1).send(ascii("2"));
        String wire = h.output();
        int second = wire.indexOf("HTTP/1.1 200", 1);
        assertFalse(wire.substring(0, second).contains("connection: close"), wire);
        assertTrue(wire.substring(second).contains("connection: close"), wire);
        h.channel.runPendingTasks();
        assertFalse(h.channel.isOpen());
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void aDecodeErrorMidPipelineIsAnsweredInOrderAndCloses() {
        List<String> seen = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(answeringOk(seen));
        h.read("GET /a HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /b HTTP/1.1\r\nHost: t\r\nno colon\r\n\r\n"
                + "GET /c HTTP/1.1\r\n\r\n");
        assertEquals(List.of("/a"), seen, "nothing after the bad request reaches the handler");
        String wire = h.output();
        assertTrue(wire.startsWith("HTTP/1.1 200 OK"), wire);
        int error = wire.indexOf("HTTP/1.1 400 Bad Request");
        assertTrue(error > 0, wire);
        assertTrue(wire.substring(error).contains("connection: close"), wire);
        h.channel.runPendingTasks();
        assertFalse(h.channel.isOpen());
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void nothingAfterARequestThatAsksToCloseIsProcessed() {
        List<String> seen = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(answeringOk(seen));
        h.read("GET /a HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n" + GET);
        assertEquals(List.of("/a"), seen);
        assertTrue(h.output().contains("connection: close"));
        h.channel.runPendingTasks();
        assertFalse(h.channel.isOpen());
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void aHandlerThatThrowsBeforeCommittingGets500() {
        ConnectionHarness h = new ConnectionHarness(ex -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        h.read(GET);
        assertTrue(h.output().startsWith("HTTP/1.1 500 Internal Server Error"));
        assertFalse(h.channel.finishAndReleaseAll());
    }
}
