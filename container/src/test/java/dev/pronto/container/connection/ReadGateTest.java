package dev.pronto.container.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read state: each reason holds the gate on its own, and reading resumes only when neither does. */
class ReadGateTest {

    @ParameterizedTest(name = "{0} + {1} held={2} -> {3}")
    @CsvSource(textBlock = """
            READING,               BACKPRESSURE,   true,  PAUSED_BACKPRESSURE
            READING,               PIPELINE_DEPTH, true,  PAUSED_PIPELINE_DEPTH
            PAUSED_BACKPRESSURE,   PIPELINE_DEPTH, true,  PAUSED_BOTH
            PAUSED_BOTH,           BACKPRESSURE,   false, PAUSED_PIPELINE_DEPTH
            PAUSED_BOTH,           PIPELINE_DEPTH, false, PAUSED_BACKPRESSURE
            PAUSED_BACKPRESSURE,   BACKPRESSURE,   false, READING
            PAUSED_PIPELINE_DEPTH, BACKPRESSURE,   false, PAUSED_PIPELINE_DEPTH
            READING,               BACKPRESSURE,   false, READING
            PAUSED_BACKPRESSURE,   BACKPRESSURE,   true,  PAUSED_BACKPRESSURE
            """)
    void transitions(ReadGate.State from, ReadGate.Reason reason, boolean held, ReadGate.State expected) {
        assertEquals(expected, from.with(reason, held));
    }

    @Test
    void autoReadFollowsTheGate() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ReadGate gate = new ReadGate(channel.config());
        gate.pause(ReadGate.Reason.BACKPRESSURE);
        gate.pause(ReadGate.Reason.PIPELINE_DEPTH);
        assertFalse(channel.config().isAutoRead());
        gate.resume(ReadGate.Reason.BACKPRESSURE, true);
        assertFalse(channel.config().isAutoRead(), "the pipeline still holds it");
        gate.resume(ReadGate.Reason.PIPELINE_DEPTH, false);
        assertEquals(ReadGate.State.READING, gate.state());
        assertFalse(channel.config().isAutoRead(), "a dead connection does not read again");
        gate.pause(ReadGate.Reason.PIPELINE_DEPTH);
        gate.resume(ReadGate.Reason.PIPELINE_DEPTH, true);
        assertTrue(channel.config().isAutoRead());
        assertFalse(channel.finishAndReleaseAll());
    }
}
