package dev.pronto.servlet.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Users defined in code, e.g. {@code InMemoryRealm.builder().user("alice", "secret", "admin").build()}. A
 * password given as a {@link PasswordHash} string is checked against the hash (then DIGEST cannot use it); any
 * other is kept as given, which DIGEST needs. Immutable and thread-safe once built.
 */
public final class InMemoryRealm implements Realm {

    private final Map<String, Account> accounts;

    private InMemoryRealm(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    /** A builder of users; not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    private record Account(UserPrincipal principal, String password) {
    }

    @Override
    public UserPrincipal user(String username) {
        Account account = accounts.get(username);
        return account == null ? null : account.principal;
    }

    @Override
    public boolean checkPassword(String username, String password) {
        Account account = accounts.get(username);
        if (account == null || password == null) {
            return false;
        }
        if (PasswordHash.isHash(account.password)) {
            return PasswordHash.matches(password, account.password);
        }
        return DigestHashes.equal(DigestHashes.hex(DigestHashes.SHA_256, password),
                DigestHashes.hex(DigestHashes.SHA_256, account.password));
    }

    @Override
    public String digestSecret(String username, String realmName, String algorithm) {
        Account account = accounts.get(username);
        if (account == null || PasswordHash.isHash(account.password)) {
            return null;
        }
        return DigestHashes.hex(algorithm, username + ':' + realmName + ':' + account.password);
    }

    @Override
    public String toString() {
        return "in-memory realm of " + accounts.size() + " users";
    }

    /** Collects users for an {@link InMemoryRealm}; not thread-safe. */
    public static final class Builder {

        private final Map<String, Account> accounts = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds (or replaces) a user with its password (or {@link PasswordHash} string) and roles. */
        public Builder user(String name, String password, String... roles) {
            if (password == null) {
                throw new IllegalArgumentException("User " + name + " needs a password");
            }
            accounts.put(name, new Account(new UserPrincipal(name, Set.of(roles)), password));
            return this;
        }

        public InMemoryRealm build() {
            return new InMemoryRealm(accounts);
        }
    }
}
