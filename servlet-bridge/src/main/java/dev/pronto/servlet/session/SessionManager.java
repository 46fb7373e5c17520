package dev.pronto.servlet.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, finds, re-identifies and expires the sessions of one context, and fires their listeners.
 * Thread-safe. Expired sessions are removed lazily on lookup and by a sweeper on a daemon thread, which
 * starts with the first session; {@link #close()} stops the sweeper and invalidates nothing.
 */
public final class SessionManager implements AutoCloseable {

    /** Servlet containers default to 30 minutes; this is the same in seconds. */
    public static final int DEFAULT_MAX_INACTIVE_INTERVAL = 30 * 60;

    /** How often the sweeper looks for expired sessions unless told otherwise. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 16;

    private final ServletContext servletContext;
    private final SessionStore store;
    private final SessionListeners listeners;
    private final Duration sweepInterval;
    private final LongSupplier clock;
    private volatile int defaultMaxInactiveInterval = DEFAULT_MAX_INACTIVE_INTERVAL;
    private volatile int maxActiveSessions = -1;
    private final LongAdder created = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicInteger activeMax = new AtomicInteger();
    private final AtomicLong aliveMaxMillis = new AtomicLong();
    private ScheduledExecutorService sweeper;
    private boolean closed;

    /** An in-memory manager with the default sweep interval. */
    public SessionManager(ServletContext servletContext, SessionListeners listeners) {
        this(servletContext, new InMemorySessionStore(), listeners, DEFAULT_SWEEP_INTERVAL);
    }

    /**
     * A manager over {@code store}.
     *
     * @param sweepInterval how often to sweep; zero or negative means no sweeper (expiry on lookup only)
     */
    public SessionManager(ServletContext servletContext, SessionStore store, SessionListeners listeners,
                          Duration sweepInterval) {
        this(servletContext, store, listeners, sweepInterval, System::currentTimeMillis);
    }

    SessionManager(ServletContext servletContext, SessionStore store, SessionListeners listeners,
                   Duration sweepInterval, LongSupplier clock) {
        this.servletContext = servletContext;
        this.store = Objects.requireNonNull(store, "store");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval");
        this.clock = clock;
        store.attach(this);
    }

    /**
     * Creates and stores a new session with a fresh random id and the default timeout, then tells the
     * {@code HttpSessionListener}s. The first call starts the sweeper.
     *
     * @throws IllegalStateException after {@link #close()}, or when {@link #setMaxActiveSessions the cap} is
     *                               reached (counted as rejected, like Tomcat's {@code TooManyActiveSessionsException})
     */
    public HttpSessionImpl createSession() {
        startSweeperOnce();
        int cap = maxActiveSessions;
        if (cap >= 0 && store.size() >= cap) {
            rejected.increment();
            throw new IllegalStateException("Too many active sessions (max " + cap + ")");
        }
        HttpSessionImpl session =
                new HttpSessionImpl(this, servletContext, newId(), now(), defaultMaxInactiveInterval);
        store.put(session);
        created.increment();
        activeMax.accumulateAndGet(store.size(), Math::max);
        listeners.sessionCreated(session);
        return session;
    }

    /** The most sessions held at once; {@code -1} (default) for no limit. */
    public void setMaxActiveSessions(int max) {
        this.maxActiveSessions = max;
    }

    /** Sessions counted so far, with the meaning of Tomcat's {@code tomcat.sessions.*} meters. */
    public SessionMetrics metrics() {
        return new SessionMetrics(store.size(), activeMax.get(), created.sum(), expired.sum(), rejected.sum(),
                aliveMaxMillis.get() / 1000);
    }

    /** Sessions read back from a persisted store: held again, listeners not told of a creation (Tomcat's way). */
    void adopt(HttpSessionImpl session) {
        store.put(session);
        activeMax.accumulateAndGet(store.size(), Math::max);
    }

    /** The valid sessions held now, for persisting them. */
    java.util.List<HttpSessionImpl> validSessions() {
        java.util.List<HttpSessionImpl> all = new java.util.ArrayList<>();
        for (String id : store.ids()) {
            HttpSessionImpl session = store.get(id);
            if (session != null && session.isValid()) {
                all.add(session);
            }
        }
        return all;
    }

    ServletContext servletContext() {
        return servletContext;
    }

    /**
     * The valid session with this id, or null when there is none or it has expired (an expired session
     * found here is invalidated on the spot). Does not {@link HttpSessionImpl#access() access} it.
     */
    public HttpSessionImpl findSession(String id) {
        if (id == null) {
            return null;
        }
        HttpSessionImpl session = store.get(id);
        if (session == null || !session.isValid()) {
            return null;
        }
        if (session.isExpired(now())) {
            expire(session);
            return null;
        }
        return session;
    }

    /**
     * Gives a valid session a new random id ({@code HttpServletRequest.changeSessionId()}) and tells the
     * {@code HttpSessionIdListener}s.
     *
     * @return the new id
     * @throws IllegalStateException if the session is no longer valid
     */
    public String changeSessionId(HttpSessionImpl session) {
        String oldId;
        String newId;
        synchronized (session) {
            if (!session.isValid()) {
                throw new IllegalStateException("Session " + session.getId() + " has been invalidated");
            }
            oldId = session.getId();
            newId = newId();
            session.setId(newId);
            store.changeId(session, oldId);
        }
        listeners.sessionIdChanged(session, oldId);
        return newId;
    }

    /** The timeout, in seconds, of sessions created from now on ({@code ServletContext.setSessionTimeout} × 60). */
    public void setDefaultMaxInactiveInterval(int seconds) {
        this.defaultMaxInactiveInterval = seconds;
    }

    /** The timeout, in seconds, given to new sessions; zero or less means never. */
    public int getDefaultMaxInactiveInterval() {
        return defaultMaxInactiveInterval;
    }

    /** How many sessions the store holds now. */
    public int sessionCount() {
        return store.size();
    }

    /**
     * Invalidates every expired session now; the sweeper calls this. A failing listener is logged and the
     * sweep goes on, since no application code is on the stack to handle it (Servlet 6.1 §11.6).
     *
     * @return how many sessions expired
     */
    public int sweep() {
        long now = now();
        int expired = 0;
        for (String id : store.ids()) {
            HttpSessionImpl session = store.get(id);
            if (session != null && session.isValid() && session.isExpired(now) && expire(session)) {
                expired++;
            }
        }
        return expired;
    }

    /** Invalidates every session, for example when the context is destroyed. Failing listeners are logged. */
    public void invalidateAll() {
        for (String id : store.ids()) {
            HttpSessionImpl session = store.get(id);
            if (session != null) {
                expire(session);
            }
        }
    }

    /** Stops the sweeper. Sessions stay in the store, valid; call {@link #invalidateAll()} first to end them. */
    @Override
    public synchronized void close() {
        closed = true;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    private boolean expire(HttpSessionImpl session) {
        try {
            return session.invalidateOnce();
        } catch (RuntimeException e) {
            LOG.warn("A listener failed while session {} was being invalidated", session.getId(), e);
            return true;
        }
    }

    private synchronized void startSweeperOnce() {
        if (closed) {
            throw new IllegalStateException("SessionManager is closed");
        }
        if (sweeper != null || sweepInterval.isZero() || sweepInterval.isNegative()) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "pronto-session-sweeper");
            t.setDaemon(true);
            // sessionDestroyed listeners run here: they see the application's class loader, as on every call
            t.setContextClassLoader(servletContext.getClassLoader());
            return t;
        });
        long millis = sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Whether the sweeper thread has been started (it starts with the first session). */
    synchronized boolean sweeperStarted() {
        return sweeper != null;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Session sweep failed", e);
        }
    }

    /** A new id: 128 random bits from {@link SecureRandom} as 32 hex characters, unique in the store. */
    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        String id;
        do {
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (store.contains(id));
        return id;
    }

    // ---- called by HttpSessionImpl -----------------------------------------------------------------

    long now() {
        return clock.getAsLong();
    }

    SessionListeners listeners() {
        return listeners;
    }

    /** The first step of invalidation: nobody can find the session any more, then listeners are told. */
    void onInvalidating(HttpSessionImpl session) {
        store.remove(session.getId());
        // Tomcat counts every ended session (invalidated or timed out) as expired, with its lifetime
        expired.increment();
        aliveMaxMillis.accumulateAndGet(now() - session.creationTimeInternal(), Math::max);
        listeners.sessionDestroyed(session);
    }

    /** {@code HttpSession.Accessor.access}: behaves as a request for that session would (Servlet 6.1 §7.3). */
    void accessFromOutside(String id, Consumer<HttpSession> consumer) {
        HttpSessionImpl session = findSession(id);
        if (session == null) {
            throw new IllegalStateException("Session " + id + " is no longer valid or its id has changed");
        }
        session.access();
        try {
            consumer.accept(session);
        } finally {
            requestEnded(session);
        }
    }

    /** A request that used {@code session} ends: the store writes what changed (nothing to do in memory). */
    public void requestEnded(HttpSessionImpl session) {
        store.requestEnded(session);
    }
}
