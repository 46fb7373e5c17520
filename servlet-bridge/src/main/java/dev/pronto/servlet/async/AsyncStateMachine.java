package dev.pronto.servlet.async;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The life cycle of one request in async mode (Servlet 6.1 §2.3.3.3): which {@code AsyncContext} calls are legal
 * when, which wait for the running container dispatch to return, and what the container does next. Also owns the
 * timeout timer, which runs exactly while {@code ASYNC_WAIT}. Thread-safe: any thread fires events; {@link #on} is
 * the one transition and returns the action its caller runs outside the lock.
 * <pre>
 *  DISPATCHING --startAsync--> ASYNC_STARTED --returns--> ASYNC_WAIT --complete()--> COMPLETING --> COMPLETED
 *   |   ^                        |          |               | |  |                      ^
 *   |   |              dispatch()|          |complete()     | |  +--dispatch()--> DISPATCHING
 *   |   |                        v          v               | |                         |
 *   |   +--returns---- DISPATCH_PENDING   COMPLETE_PENDING -(-(--returns--------------->+
 *   |                                                       | |                         |
 *   +--returns (async not started)--------------------------(-(------------------------>+
 *                                                    timeout| |client gone              |
 *                                                           v v                         |
 *                                 TIMING_OUT (onTimeout)   FAILING (onError) --returns, |
 *                                        |                   |      client gone ------->+
 *                                        +-----returns-------+                          |
 *                                                  v                                    |
 *                                        ERROR_DISPATCHING (error page) --returns------>+
 *
 *  complete()/dispatch() during TIMING_OUT, FAILING or ERROR_DISPATCHING: --> COMPLETE_PENDING / DISPATCH_PENDING
 *  an exception escaping a dispatch after startAsync, or the client gone before it returned: returns --> FAILING
 * </pre>
 */
final class AsyncStateMachine {

    enum State {
        /** A container dispatch runs and has not started async. */
        DISPATCHING,
        /** startAsync was called; the dispatch that called it has not returned yet. */
        ASYNC_STARTED,
        /** dispatch() was called before the container section returned: it takes effect when it does (§2.3.3.3). */
        DISPATCH_PENDING,
        /** complete() was called before the container section returned: it takes effect when it does. */
        COMPLETE_PENDING,
        /** The dispatch returned; waiting for complete(), dispatch(), the timeout or a client error. */
        ASYNC_WAIT,
        /** The listeners' onTimeout run. */
        TIMING_OUT,
        /** The listeners' onError run (failure in a dispatch, or the client went away). */
        FAILING,
        /** The error page for a timeout (status 500) or a failure runs. */
        ERROR_DISPATCHING,
        /** The response is being ended; onComplete and requestDestroyed follow. */
        COMPLETING,
        COMPLETED
    }

    enum Event { START_ASYNC, DISPATCH, COMPLETE, RETURNED, TIMEOUT, CLIENT_GONE, COMPLETED }

    /** What the caller of {@link #on} must do next (on a container thread, serialized with the other callbacks). */
    enum Action { NONE, RUN_DISPATCH, FIRE_TIMEOUT, FIRE_ERROR, RUN_ERROR_PAGE, RUN_COMPLETE }

    private final ScheduledExecutorService timers;
    private final Consumer<Action> onTimeout;
    private volatile long timeoutMillis;
    private State state = State.DISPATCHING;
    private Throwable failure;
    private Throwable reported;
    private boolean clientGone;
    private long waitGeneration;
    private ScheduledFuture<?> timer;

    /**
     * @param timers        where the timeout timer runs (the connection's event loop)
     * @param onTimeout     receives the action of an expired timeout, on the timer's thread
     * @param timeoutMillis the initial timeout; {@code <= 0} means none
     */
    AsyncStateMachine(ScheduledExecutorService timers, Consumer<Action> onTimeout, long timeoutMillis) {
        this.timers = timers;
        this.onTimeout = onTimeout;
        this.timeoutMillis = timeoutMillis;
    }

    /** The one transition; throws {@link IllegalStateException} for an application call that is not legal now. */
    synchronized Action on(Event event) {
        State from = state;
        switch (event) {
            case START_ASYNC:
                if (from != State.DISPATCHING) {
                    throw illegal("startAsync", from);
                }
                return go(State.ASYNC_STARTED, Action.NONE);
            case DISPATCH:
                return switch (from) {
                    case ASYNC_WAIT -> go(State.DISPATCHING, Action.RUN_DISPATCH);
                    case ASYNC_STARTED, TIMING_OUT, FAILING, ERROR_DISPATCHING -> go(State.DISPATCH_PENDING, Action.NONE);
                    default -> throw illegal("dispatch", from);
                };
            case COMPLETE:
                return switch (from) {
                    case ASYNC_WAIT -> go(State.COMPLETING, Action.RUN_COMPLETE);
                    case ASYNC_STARTED, TIMING_OUT, FAILING, ERROR_DISPATCHING -> go(State.COMPLETE_PENDING, Action.NONE);
                    case COMPLETE_PENDING, COMPLETING, COMPLETED -> Action.NONE; // repeating complete() is harmless
                    default -> throw illegal("complete", from);
                };
            case RETURNED:
                return onReturned(from);
            case TIMEOUT:
                return from == State.ASYNC_WAIT ? fail(State.TIMING_OUT, null, Action.FIRE_TIMEOUT) : Action.NONE;
            case CLIENT_GONE:
                clientGone = true;
                return from == State.ASYNC_WAIT ? fail(State.FAILING, null, Action.FIRE_ERROR) : Action.NONE;
            case COMPLETED:
                if (from != State.COMPLETING) {
                    throw new IllegalStateException("Async request completed while " + from);
                }
                return go(State.COMPLETED, Action.NONE);
            default:
                throw new IllegalArgumentException(event.name());
        }
    }

    /** A container section (a dispatch, the listeners' onTimeout/onError, an error page) returned. */
    private Action onReturned(State from) {
        return switch (from) {
            case DISPATCHING, ERROR_DISPATCHING -> go(State.COMPLETING, Action.RUN_COMPLETE);
            case ASYNC_STARTED -> failure != null || clientGone ? fail(State.FAILING, failure, Action.FIRE_ERROR)
                    : go(State.ASYNC_WAIT, Action.NONE);
            case DISPATCH_PENDING -> failure != null ? fail(State.FAILING, failure, Action.FIRE_ERROR)
                    : go(State.DISPATCHING, Action.RUN_DISPATCH);
            case COMPLETE_PENDING -> failure != null ? fail(State.FAILING, failure, Action.FIRE_ERROR)
                    : go(State.COMPLETING, Action.RUN_COMPLETE);
            case TIMING_OUT -> go(State.ERROR_DISPATCHING, Action.RUN_ERROR_PAGE);
            // No error page for a client that is gone: nobody would read it.
            case FAILING -> clientGone ? go(State.COMPLETING, Action.RUN_COMPLETE)
                    : go(State.ERROR_DISPATCHING, Action.RUN_ERROR_PAGE);
            default -> throw new IllegalStateException("A container section returned while " + from);
        };
    }

    /** Enters TIMING_OUT or FAILING: the failure is now being reported, so it is no longer pending. */
    private Action fail(State next, Throwable cause, Action action) {
        reported = cause;
        failure = null;
        return go(next, action);
    }

    private Action go(State next, Action action) {
        if (state == State.ASYNC_WAIT && timer != null) {
            timer.cancel(false);
            timer = null;
        }
        state = next;
        if (next == State.ASYNC_WAIT) {
            armTimer();
        }
        return action;
    }

    /** §2.3.3.3: the timeout runs from the moment the dispatch that started async returned. */
    private void armTimer() {
        long generation = ++waitGeneration;
        long millis = timeoutMillis;
        if (millis > 0) {
            timer = timers.schedule(() -> onTimeout.accept(expire(generation)), millis, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized Action expire(long generation) {
        // A timer cancelled too late belongs to an earlier wait: ignore it.
        return generation == waitGeneration ? on(Event.TIMEOUT) : Action.NONE;
    }

    /**
     * Records an exception that escaped the running dispatch. False if async was not started in it: then the caller
     * handles it as for a synchronous request.
     */
    synchronized boolean failed(Throwable cause) {
        if (state != State.ASYNC_STARTED && state != State.DISPATCH_PENDING && state != State.COMPLETE_PENDING) {
            return false;
        }
        failure = cause;
        return true;
    }

    /** The failure being reported to onError and the error page; {@code null} for a timeout or a gone client. */
    synchronized Throwable reported() {
        return reported;
    }

    synchronized boolean isClientGone() {
        return clientGone;
    }

    /**
     * {@code isAsyncStarted()}: true from startAsync until the request is dispatched again or completes; a dispatch
     * or complete that is still deferred has not taken effect yet.
     */
    synchronized boolean isAsyncStarted() {
        return switch (state) {
            case DISPATCHING, COMPLETING, COMPLETED -> false;
            default -> true;
        };
    }

    /** §2.3.3.3: addListener and setTimeout are legal only before the dispatch that called startAsync returns. */
    synchronized boolean isStartingDispatch() {
        return state == State.ASYNC_STARTED || state == State.DISPATCH_PENDING || state == State.COMPLETE_PENDING;
    }

    synchronized boolean isCompleting() {
        return state == State.COMPLETING || state == State.COMPLETED;
    }

    synchronized State state() {
        return state;
    }

    void timeoutMillis(long millis) {
        this.timeoutMillis = millis;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    private static IllegalStateException illegal(String call, State state) {
        String why = switch (state) {
            case DISPATCHING -> "async was not started in this dispatch";
            case ASYNC_STARTED -> "startAsync was already called in this dispatch";
            case DISPATCH_PENDING -> "dispatch() was already called";
            case COMPLETE_PENDING, COMPLETING, COMPLETED -> "the request is completing or complete";
            default -> "the async request is " + state;
        };
        return new IllegalStateException("Cannot call " + call + ": " + why);
    }
}
