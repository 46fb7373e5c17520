package dev.pronto.container.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read state: each reason holds the gate on its own, and reading resumes only when none does. */
class ReadGateTest {

    /**
     * Steps as {@code +R} (pause for R) or {@code -R} (lift R), R being B (backpressure) or P (pipeline depth);
     * then the state and whether the channel reads.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            '',            READING, true
            +B,            PAUSED,  false
            +P,            PAUSED,  false
            +B +P,         PAUSED,  false
            +B +P -B,      PAUSED,  false
            +B +P -P,      PAUSED,  false
            +B +P -P -B,   READING, true
            +B -B,         READING, true
            +B +B -B,      READING, true
            -B,            READING, true
            +P -B,         PAUSED,  false
            """)
    void steps(String steps, ReadGate.State expected, boolean reads) {
        EmbeddedChannel channel = new EmbeddedChannel();
        ReadGate gate = new ReadGate(channel.config());
        for (String step : steps.split(" ")) {
            if (step.isEmpty()) {
                continue;
            }
            ReadGate.Reason reason = step.charAt(1) == 'B' ? ReadGate.Reason.BACKPRESSURE
                    : ReadGate.Reason.PIPELINE_DEPTH;
            if (step.charAt(0) == '+') {
                gate.pause(reason);
            } else {
                gate.resume(reason, true);
            }
        }
        assertEquals(expected, gate.state());
        assertEquals(reads, channel.config().isAutoRead());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aClosingConnectionDoesNotReadAgain() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ReadGate gate = new ReadGate(channel.config());
        gate.pause(ReadGate.Reason.PIPELINE_DEPTH);
        assertTrue(gate.isHeldBy(ReadGate.Reason.PIPELINE_DEPTH));
        gate.resume(ReadGate.Reason.PIPELINE_DEPTH, false);
        assertEquals(ReadGate.State.READING, gate.state());
        assertFalse(channel.config().isAutoRead(), "a dead connection does not read again");
        assertFalse(channel.finishAndReleaseAll());
    }
}
