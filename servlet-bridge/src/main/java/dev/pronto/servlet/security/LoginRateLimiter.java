package dev.pronto.servlet.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per remote address and locks an address out for a while once it has failed
 * {@code maxFailures} times in a row, as Tomcat's LockOutRealm does per user. Bounded: at most
 * {@code maxAddresses} addresses are tracked, the least recently failing forgotten first. Thread-safe.
 */
public final class LoginRateLimiter {

    /** Defaults: 5 failures, then 5 minutes locked; 10 000 addresses tracked. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final long DEFAULT_LOCKOUT_SECONDS = 300;
    static final int DEFAULT_MAX_ADDRESSES = 10_000;

    private final int maxFailures;
    private final long lockoutNanos;
    private final int maxAddresses;
    private final LongSupplier clock;
    private final Map<String, Failures> failures;

    private static final class Failures {
        int count;
        long lockedUntil;
    }

    /** A limiter with the defaults. */
    public static LoginRateLimiter defaults() {
        return new LoginRateLimiter(DEFAULT_MAX_FAILURES, DEFAULT_LOCKOUT_SECONDS, DEFAULT_MAX_ADDRESSES,
                System::nanoTime);
    }

    /** {@code maxFailures <= 0} disables the limit. */
    public LoginRateLimiter(int maxFailures, long lockoutSeconds, int maxAddresses, LongSupplier nanoClock) {
        this.maxFailures = maxFailures;
        this.lockoutNanos = TimeUnit.SECONDS.toNanos(lockoutSeconds);
        this.maxAddresses = maxAddresses;
        this.clock = nanoClock;
        this.failures = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Seconds {@code address} must still wait before trying again; 0 when it may try now. */
    public synchronized long lockedSeconds(String address) {
        Failures f = maxFailures <= 0 ? null : failures.get(address);
        if (f == null || f.count < maxFailures) {
            return 0;
        }
        long left = f.lockedUntil - clock.getAsLong();
        if (left <= 0) {
            failures.remove(address); // the lock-out is over: a clean slate
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L));
    }

    /** Records a failed login from {@code address}; returns true when this failure locked it out. */
    public synchronized boolean failed(String address) {
        if (maxFailures <= 0) {
            return false;
        }
        Failures f = failures.computeIfAbsent(address, a -> new Failures());
        f.count++;
        if (failures.size() > maxAddresses) {
            Iterator<Map.Entry<String, Failures>> eldest = failures.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        if (f.count == maxFailures) {
            f.lockedUntil = clock.getAsLong() + lockoutNanos;
            return true;
        }
        return false;
    }

    /** A successful login from {@code address} clears its failures. */
    public synchronized void succeeded(String address) {
        failures.remove(address);
    }

    /** How many addresses are tracked now (for tests and monitoring). */
    public synchronized int trackedAddresses() {
        return failures.size();
    }
}
