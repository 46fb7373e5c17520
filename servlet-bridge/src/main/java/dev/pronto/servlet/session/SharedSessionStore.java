package dev.pronto.servlet.session;

import jakarta.servlet.http.HttpSessionActivationListener;
import jakarta.servlet.http.HttpSessionEvent;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SessionStore} whose sessions live in a {@link SessionRepository} shared by several instances. Each request
 * gets its own copy, read when it joins the session; when the request ends the copy is compared with what was read
 * and only what changed is written (a read-only request only refreshes the access time and expiry). Invalidation
 * and id changes go to the repository at once. Thread-safe; every call may block, so such an application's
 * requests never run on the event loop ({@link #blocking()}).
 *
 * <p>Like Tomcat's persistent manager: attributes are told {@code sessionDidActivate} after a copy is read and
 * {@code sessionWillPassivate} before it is written (Servlet 6.1 §7.7.2); {@code sessionCreated} and
 * {@code sessionDestroyed} fire on the instance that creates or invalidates a session; a session that times out
 * in the repository ends there, without {@code sessionDestroyed}.
 */
public final class SharedSessionStore implements SessionStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSessionStore.class);

    private final SessionRepository repository;
    private final StoreOutageLog outages;
    private volatile SessionManager manager;

    /** @param name how logs name the repository, e.g. its URI without a password */
    public SharedSessionStore(SessionRepository repository, String name) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.outages = new StoreOutageLog(name);
    }

    /** What this instance read or last wrote of one copy: compared at the end of its request. */
    private record Copy(boolean stored, Map<String, byte[]> attributes) {
    }

    @Override
    public void attach(SessionManager manager) {
        this.manager = manager;
        String contextPath = manager.servletContext() == null ? null : manager.servletContext().getContextPath();
        repository.attach(contextPath == null ? "" : contextPath);
    }

    @Override
    public HttpSessionImpl get(String id) {
        SessionRepository.Stored stored = call(() -> repository.load(id));
        if (stored == null) {
            return null;
        }
        SessionManager owner = manager;
        HttpSessionImpl session = new HttpSessionImpl(owner, id, stored.creationTime(), stored.lastAccessedTime(),
                stored.lastAccessedTime(), stored.maxInactiveInterval(), false);
        ClassLoader loader = classLoader(owner);
        Map<String, byte[]> read = new HashMap<>();
        for (Map.Entry<String, byte[]> e : stored.attributes().entrySet()) {
            Object value = AttributeSerializer.read(id, e.getKey(), e.getValue(), loader);
            if (value != null) {
                session.restoreAttribute(e.getKey(), value);
                read.put(e.getKey(), e.getValue());
            }
        }
        session.storeState(new Copy(true, read));
        activate(session);
        return session;
    }

    @Override
    public boolean contains(String id) {
        return call(() -> repository.exists(id));
    }

    /** A session created here: written when its request ends. */
    @Override
    public void put(HttpSessionImpl session) {
        session.storeState(new Copy(false, Map.of()));
    }

    /** Deletes the session for every instance; returns null (the copy is the caller's). */
    @Override
    public HttpSessionImpl remove(String id) {
        call(() -> {
            repository.delete(id);
            return null;
        });
        return null;
    }

    @Override
    public void changeId(HttpSessionImpl session, String oldId) {
        if (session.storeState() instanceof Copy copy && copy.stored()
                && !call(() -> repository.rename(oldId, session.getId()))) {
            LOG.debug("Session {} was gone from the store when its id changed to {}", oldId, session.getId());
        }
    }

    /** Writes what the request changed: attributes whose bytes differ, names removed, access time and expiry. */
    @Override
    public void requestEnded(HttpSessionImpl session) {
        if (!session.isValid() || !(session.storeState() instanceof Copy copy)) {
            return;
        }
        String id = session.getId();
        passivate(session);
        Map<String, byte[]> now = new HashMap<>();
        Map<String, byte[]> changed = new HashMap<>();
        for (Map.Entry<String, Object> e : session.attributesSnapshot().entrySet()) {
            byte[] before = copy.attributes().get(e.getKey());
            byte[] bytes = AttributeSerializer.write(id, e.getKey(), e.getValue());
            if (bytes == null) {
                continue;
            }
            now.put(e.getKey(), bytes);
            if (before == null || !Arrays.equals(before, bytes)) {
                changed.put(e.getKey(), bytes);
            }
        }
        Set<String> removed = new HashSet<>(copy.attributes().keySet());
        removed.removeAll(now.keySet());
        SessionRepository.Write write = new SessionRepository.Write(!copy.stored(), session.creationTimeInternal(),
                session.thisAccessedTimeInternal(), session.getMaxInactiveInterval(), changed, removed);
        if (!call(() -> repository.save(id, write))) {
            LOG.debug("Session {} was invalidated or re-identified elsewhere; this request's changes are dropped", id);
        }
        session.storeState(new Copy(true, now));
    }

    @Override
    public boolean blocking() {
        return true;
    }

    /** Sessions live in the repository; this instance holds none (nothing to sweep, persist or count). */
    @Override
    public Collection<String> ids() {
        return List.of();
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public void close() {
        repository.close();
    }

    private <T> T call(Supplier<T> operation) {
        T result;
        try {
            result = operation.get();
        } catch (SessionStoreException e) {
            outages.failed(e);
            throw e;
        } catch (RuntimeException e) {
            outages.failed(e);
            throw new SessionStoreException("Session store failure: " + e, e);
        }
        outages.succeeded();
        return result;
    }

    private static ClassLoader classLoader(SessionManager owner) {
        ClassLoader loader = owner.servletContext() == null ? null : owner.servletContext().getClassLoader();
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }

    private static void activate(HttpSessionImpl session) {
        HttpSessionEvent event = null;
        for (Object value : session.attributesSnapshot().values()) {
            if (value instanceof HttpSessionActivationListener l) {
                event = event == null ? new HttpSessionEvent(session) : event;
                try {
                    l.sessionDidActivate(event);
                } catch (RuntimeException e) {
                    LOG.warn("Session {}: sessionDidActivate failed", session.getId(), e);
                }
            }
        }
    }

    private static void passivate(HttpSessionImpl session) {
        HttpSessionEvent event = null;
        for (Object value : session.attributesSnapshot().values()) {
            if (value instanceof HttpSessionActivationListener l) {
                event = event == null ? new HttpSessionEvent(session) : event;
                try {
                    l.sessionWillPassivate(event);
                } catch (RuntimeException e) {
                    LOG.warn("Session {}: sessionWillPassivate failed", session.getId(), e);
                }
            }
        }
    }
}
