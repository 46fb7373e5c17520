package dev.pronto.servlet.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The server nonces of HTTP Digest (RFC 7616 §3.3): random, valid for a limited time, each nonce-count accepted
 * once and in increasing order (replay protection, §5.5). Bounded: at most {@code maxNonces} are remembered, the
 * oldest forgotten first (its client then gets {@code stale=true} and simply retries). Thread-safe.
 */
final class DigestNonces {

    static final int DEFAULT_MAX_NONCES = 10_000;
    static final long DEFAULT_VALIDITY_SECONDS = 300;

    /** What {@link #use} found. */
    enum Verdict { VALID, STALE, REPLAYED }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, long[]> nonces = new LinkedHashMap<>(); // nonce -> {issued nanos, last nonce-count}
    private final int maxNonces;
    private final long validityNanos;
    private final LongSupplier clock;

    DigestNonces(int maxNonces, long validitySeconds, LongSupplier nanoClock) {
        this.maxNonces = maxNonces;
        this.validityNanos = TimeUnit.SECONDS.toNanos(validitySeconds);
        this.clock = nanoClock;
    }

    /** A fresh nonce, remembered. */
    synchronized String issue() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        nonces.put(nonce, new long[] {clock.getAsLong(), 0});
        if (nonces.size() > maxNonces) {
            Iterator<String> oldest = nonces.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return nonce;
    }

    /** Checks {@code nonce} with nonce-count {@code nc} (already parsed) and records the count when valid. */
    synchronized Verdict use(String nonce, long nc) {
        long[] state = nonces.get(nonce);
        if (state == null) {
            return Verdict.STALE;
        }
        if (clock.getAsLong() - state[0] > validityNanos) {
            nonces.remove(nonce);
            return Verdict.STALE;
        }
        if (nc <= state[1]) {
            return Verdict.REPLAYED;
        }
        state[1] = nc;
        return Verdict.VALID;
    }

    synchronized int size() {
        return nonces.size();
    }
}
