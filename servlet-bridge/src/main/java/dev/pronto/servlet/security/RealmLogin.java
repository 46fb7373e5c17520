package dev.pronto.servlet.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against the realm under the per-address rate limit, and logs failures (user
 * and address, never the password). Thread-safe.
 */
final class RealmLogin {

    private static final Logger log = LoggerFactory.getLogger(RealmLogin.class);

    private final Realm realm;
    private final LoginRateLimiter limiter;

    RealmLogin(Realm realm, LoginRateLimiter limiter) {
        this.realm = realm;
        this.limiter = limiter;
    }

    Realm realm() {
        return realm;
    }

    /** {@code LOCKED} when the address must wait, else the realm's verdict on the password. */
    Attempt check(String username, String password, String address, String mechanism) {
        long locked = limiter.lockedSeconds(address);
        if (locked > 0) {
            log.warn("{} login for user '{}' from {} refused: too many failed logins, locked for {} s more",
                    mechanism, printable(username), address, locked);
            return Attempt.locked(locked);
        }
        if (realm == null) {
            return Attempt.FAILED;
        }
        UserPrincipal user = realm.checkPassword(username, password) ? realm.user(username) : null;
        return user != null ? succeeded(user, address) : failed(username, address, mechanism);
    }

    /** Records a login proven another way (DIGEST) and returns it. */
    Attempt succeeded(UserPrincipal user, String address) {
        limiter.succeeded(address);
        return Attempt.authenticated(user);
    }

    /** Records and logs a failed login. */
    Attempt failed(String username, String address, String mechanism) {
        boolean nowLocked = limiter.failed(address);
        log.warn("{} login failed for user '{}' from {}{}", mechanism, printable(username), address,
                nowLocked ? "; the address is locked out for a while" : "");
        return Attempt.FAILED;
    }

    /** Seconds the address must wait; 0 when it may try. */
    long lockedSeconds(String address) {
        return limiter.lockedSeconds(address);
    }

    /** The user name as it may appear in a log: control characters escaped (no forged log lines), at most 64. */
    static String printable(String username) {
        if (username == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(username.length(), 64));
        for (int i = 0; i < username.length() && sb.length() < 64; i++) {
            char c = username.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
