package dev.pronto.servlet.security;

/**
 * Where users, their credentials and roles come from: Pronto's authentication mechanisms ask it. Implementations
 * must be thread-safe; they are called on worker threads and may block (e.g. a password hash or a directory
 * lookup).
 */
public interface Realm {

    /** The user named {@code username} with its roles, or null when there is none. */
    UserPrincipal user(String username);

    /** Whether {@code password} is the password of {@code username} (false for an unknown user). */
    boolean checkPassword(String username, String password);

    /**
     * {@code H(username ":" realmName ":" password)} in lower-case hex for HTTP Digest (RFC 7616 §3.4.2), with
     * {@code algorithm} {@code SHA-256} or {@code MD5}; null when the realm only keeps one-way password hashes, so
     * DIGEST cannot work with it.
     */
    default String digestSecret(String username, String realmName, String algorithm) {
        return null;
    }
}
