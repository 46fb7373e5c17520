package dev.pronto.container.connection;

import io.netty.channel.ChannelConfig;

/**
 * Whether the connection reads its socket, and why not: a slow body consumer (backpressure) and a full pipeline
 * each hold the gate shut, and reading resumes only when neither does. Event loop only.
 * <pre>
 *   READING <--> PAUSED_BACKPRESSURE
 *      ^  \          ^ v
 *      |   +--> PAUSED_BOTH
 *      v          ^
 *   PAUSED_PIPELINE_DEPTH
 * </pre>
 */
final class ReadGate {

    /** Why reading is paused. */
    enum Reason { BACKPRESSURE, PIPELINE_DEPTH }

    /** The read state of a connection. */
    enum State {
        READING, PAUSED_BACKPRESSURE, PAUSED_PIPELINE_DEPTH, PAUSED_BOTH;

        /** The state once {@code reason} holds ({@code held}) or no longer does. */
        State with(Reason reason, boolean held) {
            boolean body = this == PAUSED_BACKPRESSURE || this == PAUSED_BOTH;
            boolean depth = this == PAUSED_PIPELINE_DEPTH || this == PAUSED_BOTH;
            if (reason == Reason.BACKPRESSURE) {
                body = held;
            } else {
                depth = held;
            }
            return body ? (depth ? PAUSED_BOTH : PAUSED_BACKPRESSURE) : (depth ? PAUSED_PIPELINE_DEPTH : READING);
        }
    }

    private final ChannelConfig config;
    private State state = State.READING;

    ReadGate(ChannelConfig config) {
        this.config = config;
    }

    State state() {
        return state;
    }

    void pause(Reason reason) {
        move(state.with(reason, true), true);
    }

    /** Lifts {@code reason}; reading resumes if nothing else holds it and {@code mayRead} (the connection lives). */
    void resume(Reason reason, boolean mayRead) {
        move(state.with(reason, false), mayRead);
    }

    private void move(State next, boolean mayRead) {
        State previous = state;
        state = next;
        if (previous == State.READING && next != State.READING) {
            config.setAutoRead(false);
        } else if (previous != State.READING && next == State.READING && mayRead) {
            config.setAutoRead(true);
        }
    }
}
