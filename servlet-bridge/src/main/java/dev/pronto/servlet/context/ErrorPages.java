package dev.pronto.servlet.context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Error page locations by status code and by exception type (Servlet 6.1 §10.9), plus an optional global one.
 * Written while configuring, then read by error dispatch; thread-safe.
 */
public final class ErrorPages {

    private final Map<Integer, String> byStatus = new ConcurrentHashMap<>();
    private final Map<Class<? extends Throwable>, String> byException = new ConcurrentHashMap<>();
    private volatile String global;

    public void add(int status, String location) {
        byStatus.put(status, location);
    }

    public void add(Class<? extends Throwable> type, String location) {
        byException.put(type, location);
    }

    /** The page for every error without a more specific one (Spring Boot's {@code /error}). */
    public void addGlobal(String location) {
        global = location;
    }

    /** The location for {@code status}, or the global page, or {@code null}. */
    public String forStatus(int status) {
        String location = byStatus.get(status);
        return location != null ? location : global;
    }

    /**
     * The location for {@code error}: the closest mapped superclass wins, then the causes of a wrapper exception
     * are tried (§10.9.2), then the page of the status the exception is answered with ({@code status}: 500, or
     * e.g. 413 for a body the client made too large) and the global page; {@code null} if none.
     */
    public String forException(Throwable error, int status) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                String location = byException.get(type);
                if (location != null) {
                    return location;
                }
            }
        }
        return forStatus(status);
    }

    /** The exception (or cause) that selected the page for {@code error}, for the error attributes. */
    public Throwable matchedException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (byException.containsKey(type)) {
                    return t;
                }
            }
        }
        return error;
    }

    public boolean isEmpty() {
        return byStatus.isEmpty() && byException.isEmpty() && global == null;
    }
}
