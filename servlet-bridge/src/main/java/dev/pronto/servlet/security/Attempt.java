package dev.pronto.servlet.security;

/**
 * The outcome of looking at the credentials a request carries. Immutable.
 *
 * @param outcome   what happened
 * @param principal the user when {@code AUTHENTICATED}, else null
 * @param retryAfterSeconds when {@code LOCKED}: how long the address must wait
 */
record Attempt(Outcome outcome, UserPrincipal principal, long retryAfterSeconds) {

    /** What the credentials amounted to. */
    enum Outcome {
        /** The request carries no credentials of this mechanism. */
        NONE,
        AUTHENTICATED,
        /** Wrong user or password. */
        FAILED,
        /** Credentials that cannot be parsed: 400. */
        MALFORMED,
        /** The remote address failed too often: 429 until the lock-out ends. */
        LOCKED,
        /** DIGEST only: a correct answer to a nonce that expired or is unknown; challenge again with stale=true. */
        STALE
    }

    static final Attempt NONE = new Attempt(Outcome.NONE, null, 0);
    static final Attempt FAILED = new Attempt(Outcome.FAILED, null, 0);
    static final Attempt MALFORMED = new Attempt(Outcome.MALFORMED, null, 0);
    static final Attempt STALE = new Attempt(Outcome.STALE, null, 0);

    static Attempt authenticated(UserPrincipal principal) {
        return new Attempt(Outcome.AUTHENTICATED, principal, 0);
    }

    static Attempt locked(long seconds) {
        return new Attempt(Outcome.LOCKED, null, seconds);
    }
}
