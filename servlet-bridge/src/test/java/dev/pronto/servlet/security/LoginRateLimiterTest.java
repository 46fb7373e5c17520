package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Failed-login counting per address, lock-out and its end, success resets, bounded memory (a fake clock). */
class LoginRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final LoginRateLimiter limiter = new LoginRateLimiter(3, 60, 100, now::get);

    @Test
    void locksOutAfterMaxFailuresUntilTheLockOutEnds() {
        assertFalse(limiter.failed("10.0.0.1"));
        assertFalse(limiter.failed("10.0.0.1"));
        assertEquals(0, limiter.lockedSeconds("10.0.0.1"));
        assertTrue(limiter.failed("10.0.0.1"));
        assertEquals(60, limiter.lockedSeconds("10.0.0.1"));
        assertEquals(0, limiter.lockedSeconds("10.0.0.2"), "other addresses are not affected");
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertEquals(1, limiter.lockedSeconds("10.0.0.1"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(0, limiter.lockedSeconds("10.0.0.1"));
        assertFalse(limiter.failed("10.0.0.1"), "a clean slate after the lock-out");
    }

    @Test
    void successClearsFailures() {
        limiter.failed("a");
        limiter.failed("a");
        limiter.succeeded("a");
        assertFalse(limiter.failed("a"));
        assertFalse(limiter.failed("a"));
        assertTrue(limiter.failed("a"));
    }

    @Test
    void tracksAtMostMaxAddresses() {
        for (int i = 0; i < 1000; i++) {
            limiter.failed("10.1." + (i / 256) + '.' + (i % 256));
        }
        assertEquals(100, limiter.trackedAddresses());
    }

    @Test
    void zeroMaxFailuresDisablesTheLimit() {
        LoginRateLimiter off = new LoginRateLimiter(0, 60, 100, now::get);
        for (int i = 0; i < 10; i++) {
            assertFalse(off.failed("a"));
        }
        assertEquals(0, off.lockedSeconds("a"));
        assertEquals(0, off.trackedAddresses());
    }
}
