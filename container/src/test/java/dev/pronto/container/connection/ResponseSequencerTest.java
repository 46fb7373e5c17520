package dev.pronto.container.connection;

import static dev.pronto.container.connection.ConnectionHarness.ascii;
import static dev.pronto.container.connection.ConnectionHarness.bodies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link ResponseSequencer}'s rules, driven through a connection on an embedded channel: responses leave in
 * request order whatever order they complete in, parts of a later response wait behind the head, and a batch
 * (a read, or one completion outside a read) leaves with exactly one flush.
 */
class ResponseSequencerTest {

    private static final String GET = "GET /n HTTP/1.1\r\nHost: t\r\n\r\n";

    @Test
    void twoReadsThenOneReadCompleteGiveOneFlush() {
        ConnectionHarness h = new ConnectionHarness(ex -> ex.send(ascii("#" + ex.requestNumber())));
        int before = h.wire.flushes;
        h.channel.pipeline().fireChannelRead(ascii(GET + GET));
        h.channel.pipeline().fireChannelRead(ascii(GET));
        assertEquals(before, h.wire.flushes, "nothing is flushed inside the read batch");
        h.channel.pipeline().fireChannelReadComplete();
        assertEquals(before + 1, h.wire.flushes, "one flush at the end of the batch");
        assertEquals(List.of("#1", "#2", "#3"), bodies(h.output()));
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void aStreamedLaterResponseWaitsBehindTheHeadAndKeepsItsPartsInOrder() {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add);
        h.read(GET + GET);
        HttpExchange first = held.get(0);
        HttpExchange second = held.get(1);
        second.write(ascii("b1"));
        second.write(ascii("b2"));
        second.end();
        assertNull(h.channel.readOutbound(), "the second response waits while the first is open");
        first.write(ascii("a1"));
        String head = h.output();
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n") && head.endsWith("2\r\na1\r\n"), head);
        int before = h.wire.flushes;
        first.end();
        assertEquals(before + 1, h.wire.flushes, "the end of the head and the parked response leave with one flush");
        String rest = h.output();
        assertEquals(0, rest.indexOf("0\r\n\r\n"), "the first response ends first: " + rest);
        assertTrue(rest.indexOf("b1") < rest.indexOf("b2"), rest);
        assertTrue(rest.endsWith("0\r\n\r\n"), rest);
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void completionsInAnyOrderLeaveInRequestOrderWithOneFlushForTheReadyRun() {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add);
        h.read(GET.repeat(5));
        for (int i : new int[] {3, 1, 4, 2}) {
            held.get(i).send(ascii("#" + (i + 1)));
        }
        assertNull(h.channel.readOutbound(), "nothing leaves before the head");
        int before = h.wire.flushes;
        held.get(0).send(ascii("#1"));
        assertEquals(before + 1, h.wire.flushes);
        assertEquals(List.of("#1", "#2", "#3", "#4", "#5"), bodies(h.output()));
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void eachCompletionOutsideAReadIsItsOwnBatch() {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add);
        h.read(GET.repeat(2));
        int before = h.wire.flushes;
        held.get(0).send(ascii("#1"));
        held.get(1).send(ascii("#2"));
        assertEquals(before + 2, h.wire.flushes, "one flush per completion when nothing else is ready");
        assertEquals(List.of("#1", "#2"), bodies(h.output()));
        assertFalse(h.channel.finishAndReleaseAll());
    }

    @Test
    void writesAfterTheConnectionClosedAreReleasedNotWritten() {
        List<HttpExchange> held = new ArrayList<>();
        ConnectionHarness h = new ConnectionHarness(held::add);
        h.read(GET.repeat(2));
        h.channel.close();
        assertFalse(held.get(0).isOpen());
        held.get(1).send(ascii("late"));
        held.get(0).write(ascii("late"));
        assertNull(h.channel.readOutbound());
        assertFalse(h.channel.finishAndReleaseAll());
    }
}
