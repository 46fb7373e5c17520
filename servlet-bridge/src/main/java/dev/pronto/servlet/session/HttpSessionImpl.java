package dev.pronto.servlet.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory {@link HttpSession}, created by a {@link SessionManager}. Thread-safe: any number of
 * request threads and the sweeper may use it at once (Servlet 6.1 §7.7.1).
 *
 * <pre>
 *   VALID --invalidate() / expiry--> INVALIDATING --listeners told, attributes unbound--> INVALID
 * </pre>
 * While INVALIDATING, listeners may still read the session; once INVALID every method that the
 * interface says so throws {@link IllegalStateException}.
 */
public final class HttpSessionImpl implements HttpSession {

    private enum State { VALID, INVALIDATING, INVALID }

    private final SessionManager manager;
    private final ServletContext servletContext;
    private final long creationTime;
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.VALID);
    private volatile String id;
    private volatile long lastAccessedTime;
    private volatile long thisAccessedTime;
    private volatile int maxInactiveInterval;
    private volatile boolean isNew = true;
    /** What a shared store remembers of this copy (see {@link SharedSessionStore}); null in memory. */
    private volatile Object storeState;

    HttpSessionImpl(SessionManager manager, ServletContext servletContext, String id, long now, int maxInactiveInterval) {
        this.manager = manager;
        this.servletContext = servletContext;
        this.id = id;
        this.creationTime = now;
        this.lastAccessedTime = now;
        this.thisAccessedTime = now;
        this.maxInactiveInterval = maxInactiveInterval;
    }

    /** A session read back from a persisted store, as it was: times, timeout and whether it is new. */
    HttpSessionImpl(SessionManager manager, String id, long creationTime, long lastAccessedTime,
                    long thisAccessedTime, int maxInactiveInterval, boolean isNew) {
        this(manager, manager.servletContext(), id, creationTime, maxInactiveInterval);
        this.lastAccessedTime = lastAccessedTime;
        this.thisAccessedTime = thisAccessedTime;
        this.isNew = isNew;
    }

    // ---- container side ------------------------------------------------------------------------

    Object storeState() {
        return storeState;
    }

    void storeState(Object state) {
        this.storeState = state;
    }

    long creationTimeInternal() {
        return creationTime;
    }

    long lastAccessedTimeInternal() {
        return lastAccessedTime;
    }

    long thisAccessedTimeInternal() {
        return thisAccessedTime;
    }

    boolean isNewInternal() {
        return isNew;
    }

    /** The attributes now, for persisting; a copy. */
    java.util.Map<String, Object> attributesSnapshot() {
        return new java.util.LinkedHashMap<>(attributes);
    }

    /** Puts an attribute read back from a persisted store: no binding or attribute listener is told. */
    void restoreAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    /**
     * Marks the start of a request that belongs to this session; call once per request, when the
     * container first handles it (Servlet 6.1 §7.6). {@link #getLastAccessedTime()} then reports the
     * previous request's start.
     */
    public void access() {
        long now = manager.now();
        lastAccessedTime = thisAccessedTime;
        thisAccessedTime = now;
    }

    /** The client returned this session's id, so it has joined and the session is no longer new (§7.2). */
    public void markJoined() {
        isNew = false;
    }

    /** Whether the session is still valid (neither invalidated nor being invalidated); never throws. */
    public boolean isValid() {
        return state.get() == State.VALID;
    }

    /** Whether, at {@code now}, the session has been idle longer than its max inactive interval. */
    boolean isExpired(long now) {
        int interval = maxInactiveInterval;
        return interval > 0 && now - thisAccessedTime > interval * 1000L;
    }

    void setId(String id) {
        this.id = id;
    }

    /**
     * Invalidates once: removes the session from its store, tells the listeners, unbinds every attribute.
     *
     * @return false if the session was already invalidated (or being so) by another caller
     */
    boolean invalidateOnce() {
        if (!state.compareAndSet(State.VALID, State.INVALIDATING)) {
            return false;
        }
        try {
            manager.onInvalidating(this);
        } finally {
            try {
                unbindAll();
            } finally {
                state.set(State.INVALID);
            }
        }
        return true;
    }

    private void unbindAll() {
        RuntimeException failure = null;
        for (String name : new ArrayList<>(attributes.keySet())) {
            try {
                removeAttributeNow(name);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void checkValid() {
        if (state.get() == State.INVALID) {
            throw new IllegalStateException("Session " + id + " has been invalidated");
        }
    }

    // ---- HttpSession -----------------------------------------------------------------------------

    @Override
    public long getCreationTime() {
        checkValid();
        return creationTime;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        checkValid();
        return lastAccessedTime;
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    /** Seconds; zero or less means the session never times out (Servlet 6.1 §7.5). */
    @Override
    public void setMaxInactiveInterval(int interval) {
        this.maxInactiveInterval = interval;
    }

    @Override
    public int getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return name == null ? null : attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(new ArrayList<>(attributes.keySet()));
    }

    /**
     * Binds {@code value}; null removes. A {@link HttpSessionBindingListener} value is told before it becomes
     * visible and a replaced one after it is gone (Servlet 6.1 §7.4); re-binding the same object tells neither.
     */
    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        Objects.requireNonNull(name, "name");
        if (value == null) {
            removeAttribute(name);
            return;
        }
        Object current = attributes.get(name);
        if (value != current && value instanceof HttpSessionBindingListener l) {
            l.valueBound(new HttpSessionBindingEvent(this, name, value));
        }
        Object old = attributes.put(name, value);
        if (old != null && old != value && old instanceof HttpSessionBindingListener l) {
            l.valueUnbound(new HttpSessionBindingEvent(this, name, old));
        }
        if (old == null) {
            manager.listeners().attributeAdded(this, name, value);
        } else {
            manager.listeners().attributeReplaced(this, name, old);
        }
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        if (name != null) {
            removeAttributeNow(name);
        }
    }

    private void removeAttributeNow(String name) {
        Object old = attributes.remove(name);
        if (old == null) {
            return;
        }
        if (old instanceof HttpSessionBindingListener l) {
            l.valueUnbound(new HttpSessionBindingEvent(this, name, old));
        }
        manager.listeners().attributeRemoved(this, name, old);
    }

    @Override
    public void invalidate() {
        if (!invalidateOnce()) {
            throw new IllegalStateException("Session " + id + " has already been invalidated");
        }
    }

    @Override
    public boolean isNew() {
        checkValid();
        return isNew;
    }

    /** An accessor that finds this session by id again on each use (Servlet 6.1 §7.3). */
    @Override
    public Accessor getAccessor() {
        checkValid();
        String capturedId = id;
        return consumer -> manager.accessFromOutside(capturedId, consumer);
    }

    @Override
    public String toString() {
        return "HttpSessionImpl{id=" + id + ", state=" + state.get() + '}';
    }
}
