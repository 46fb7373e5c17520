package dev.pronto.container.connection;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer of a connection: the request-head timeout while a head trickles in with nothing in flight
 * (slowloris, RFC 9110 §15.5.9 408), else the idle timeout while nothing is in flight. A single scheduled task is
 * re-armed only when it must fire earlier. Event loop only.
 */
final class ConnectionTimer {

    /** What the timer asks of its connection and tells it. Event loop. */
    interface Owner {
        /** True while responses are in flight (no timeout applies then). */
        boolean busy();

        /** A request head took longer than the head timeout. */
        void headTimedOut();

        /** Nothing happened for the idle timeout. */
        void idleTimedOut();
    }

    private final EventLoop loop;
    private final long headTimeoutNanos;
    private final long idleTimeoutNanos;
    private final Owner owner;
    private final Runnable fire = this::onTimer;
    private ScheduledFuture<?> timer;
    private long deadline;
    private long lastActivity;
    private long headStart;
    private boolean stopped;

    ConnectionTimer(EventLoop loop, long headTimeoutNanos, long idleTimeoutNanos, Owner owner) {
        this.loop = loop;
        this.headTimeoutNanos = headTimeoutNanos;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.owner = owner;
    }

    /** The connection became active: the idle clock starts. */
    void start() {
        lastActivity = System.nanoTime();
        arm(lastActivity + idleTimeoutNanos);
    }

    /** Bytes arrived (end of a read batch); {@code headPending} when a request head is still incomplete. */
    void onRead(boolean headPending) {
        long now = System.nanoTime();
        lastActivity = now;
        if (headStart == 0 && !owner.busy() && headPending) {
            headStart = now;
            arm(now + headTimeoutNanos);
        }
    }

    /** A whole request head arrived: its clock stops. */
    void headComplete() {
        headStart = 0;
    }

    /** True while a request head has started arriving and is not complete. */
    boolean headInProgress() {
        return headStart != 0;
    }

    /** The line of responses emptied: the idle clock starts again. */
    void activity() {
        lastActivity = System.nanoTime();
    }

    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void arm(long at) {
        if (timer != null && deadline <= at && !timer.isDone()) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        deadline = at;
        timer = loop.schedule(fire, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long next = now + idleTimeoutNanos;
        if (!owner.busy() && headStart != 0) {
            long due = headStart + headTimeoutNanos;
            if (now - due >= 0) {
                owner.headTimedOut();
                return;
            }
            next = due;
        } else if (!owner.busy()) {
            long due = lastActivity + idleTimeoutNanos;
            if (now - due >= 0) {
                owner.idleTimedOut();
                return;
            }
            next = due;
        }
        arm(next);
    }
}
