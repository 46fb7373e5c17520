package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import org.glassfish.tyrus.core.frame.CloseFrame;
import org.glassfish.tyrus.core.l10n.LocalizationMessages;
import org.junit.jupiter.api.Test;

/** The rewrite of Tyrus's idle-timeout close frame, on frames Tyrus itself encodes. */
class IdleTimeoutCloseFrameTest {

    private static ByteBuffer encoded(CloseReason.CloseCode code, String reason) {
        CloseFrame frame = new CloseFrame(new CloseReason(code, reason));
        ByteBuffer payload = ByteBuffer.wrap(frame.getPayloadData());
        ByteBuffer out = ByteBuffer.allocate(2 + payload.remaining());
        out.put((byte) 0x88).put((byte) payload.remaining()).put(payload).flip();
        return out;
    }

    @Test
    void theIdleTimeoutCloseGets1001() {
        ByteBuffer frame = encoded(CloseReason.CloseCodes.NORMAL_CLOSURE, LocalizationMessages.SESSION_CLOSED_IDLE_TIMEOUT());
        IdleTimeoutCloseFrame.rewrite(frame);
        assertEquals(1001, frame.getShort(2));
        assertEquals(0, frame.position());
    }

    @Test
    void anyOtherCloseIsLeftAlone() {
        ByteBuffer normal = encoded(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye");
        IdleTimeoutCloseFrame.rewrite(normal);
        assertEquals(1000, normal.getShort(2));
        ByteBuffer tooBig = encoded(CloseReason.CloseCodes.TOO_BIG, LocalizationMessages.SESSION_CLOSED_IDLE_TIMEOUT());
        IdleTimeoutCloseFrame.rewrite(tooBig);
        assertEquals(1009, tooBig.getShort(2));
    }
}
