package dev.pronto.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.glassfish.tyrus.core.l10n.LocalizationMessages;

/**
 * Gives the close frame of an idle-timeout close the code 1001 (going away). Tyrus closes an idle session with 1006,
 * which its endpoint's {@code @OnClose} sees, and, since 1006 must not be sent (RFC 6455 §7.4.1), puts 1000 (normal)
 * in the frame; Tomcat ({@code WsSession.checkExpiration}) and Jetty 12 ({@code WebSocketCoreSession}: a timeout is
 * {@code CloseStatus.SHUTDOWN}) send 1001, which tells the client the server ended the session, not the
 * conversation. Recognised by Tyrus's own reason text, which only that close uses. Stateless.
 */
final class IdleTimeoutCloseFrame {

    private static final byte[] REASON =
            LocalizationMessages.SESSION_CLOSED_IDLE_TIMEOUT().getBytes(StandardCharsets.UTF_8);
    private static final int NORMAL_CLOSURE = 1000;
    private static final int GOING_AWAY = 1001;
    /** FIN and opcode 8 (RFC 6455 §5.5.1); a server's frames are unmasked, and this payload is below 126 bytes. */
    private static final byte FIN_CLOSE = (byte) 0x88;

    private IdleTimeoutCloseFrame() {
    }

    /** Rewrites {@code frame} (from its position, not moved) in place when it is Tyrus's idle-timeout close. */
    static void rewrite(ByteBuffer frame) {
        int p = frame.position();
        int payload = 2 + REASON.length;
        if (payload > 125 || frame.remaining() != 2 + payload || frame.get(p) != FIN_CLOSE
                || frame.get(p + 1) != payload || (frame.getShort(p + 2) & 0xffff) != NORMAL_CLOSURE) {
            return;
        }
        for (int i = 0; i < REASON.length; i++) {
            if (frame.get(p + 4 + i) != REASON[i]) {
                return;
            }
        }
        frame.putShort(p + 2, (short) GOING_AWAY);
    }
}
