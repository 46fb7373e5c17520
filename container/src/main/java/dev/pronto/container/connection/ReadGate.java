package dev.pronto.container.connection;

import io.netty.channel.ChannelConfig;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether the connection reads its socket, and what holds it shut: each {@link Reason} pauses reading on its own,
 * and reading resumes only when none holds it any more (a new reason, such as waiting for an upgrade decision, is
 * one more constant). Event loop only.
 * <pre>
 *   READING --pause(any reason)--> PAUSED --resume(the last reason held)--> READING
 *                                  PAUSED --pause / resume of another reason--> PAUSED
 * </pre>
 */
final class ReadGate {

    /** Why reading is paused. */
    enum Reason {
        /** A request body's consumer is behind: more than the high-water mark is unread. */
        BACKPRESSURE,
        /** {@code maxPipelined} requests are in flight; more input waits in {@link ParkedInput}. */
        PIPELINE_DEPTH,
        /** A request asked to upgrade (RFC 9110 §7.8): nothing is read until the handler accepted or declined. */
        UPGRADE_DECISION
    }

    /** The read state of a connection. */
    enum State { READING, PAUSED }

    private final ChannelConfig config;
    private final Set<Reason> holding = EnumSet.noneOf(Reason.class);

    ReadGate(ChannelConfig config) {
        this.config = config;
    }

    State state() {
        return holding.isEmpty() ? State.READING : State.PAUSED;
    }

    boolean isHeldBy(Reason reason) {
        return holding.contains(reason);
    }

    void pause(Reason reason) {
        if (holding.isEmpty()) {
            config.setAutoRead(false);
        }
        holding.add(reason);
    }

    /** Lifts {@code reason}; reading resumes if nothing else holds it and {@code mayRead} (the connection lives). */
    void resume(Reason reason, boolean mayRead) {
        if (holding.remove(reason) && holding.isEmpty() && mayRead) {
            config.setAutoRead(true);
        }
    }
}
