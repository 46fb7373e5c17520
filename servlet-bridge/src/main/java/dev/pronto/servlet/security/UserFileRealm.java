package dev.pronto.servlet.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users from a properties file (UTF-8), one a line: {@code name = password-hash, role, role…}, the hash made by
 * {@link PasswordHash} ({@code pbkdf2-sha256:…}). A {@code plain:} password is refused unless
 * {@code allowPlainText} was asked for. A password that checked out is remembered (as a keyed SHA-256, for at most
 * {@value #MAX_REMEMBERED} users) so that BASIC, which sends it on every request, does not pay PBKDF2 each time.
 * Loaded once; thread-safe.
 */
public final class UserFileRealm implements Realm {

    static final int MAX_REMEMBERED = 1024;
    private static final String PLAIN = "plain:";

    private final Map<String, Account> accounts;
    private final Map<String, byte[]> remembered = new ConcurrentHashMap<>();
    private final byte[] rememberKey = new byte[32];
    private final String source;

    private record Account(UserPrincipal principal, String password) {
    }

    private UserFileRealm(Map<String, Account> accounts, String source) {
        this.accounts = Map.copyOf(accounts);
        this.source = source;
        new SecureRandom().nextBytes(rememberKey);
    }

    /** Loads {@code file}; plain-text passwords are refused. */
    public static UserFileRealm load(Path file) throws IOException {
        return load(file, false);
    }

    /**
     * Loads {@code file}.
     *
     * @param allowPlainText whether {@code plain:} passwords are accepted (for tests and DIGEST, which needs them)
     * @throws IllegalArgumentException naming the line's user when an entry is malformed
     */
    public static UserFileRealm load(Path file, boolean allowPlainText) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            accounts.put(name, parse(name, properties.getProperty(name), allowPlainText, file));
        }
        return new UserFileRealm(accounts, file.toString());
    }

    private static Account parse(String name, String value, boolean allowPlainText, Path file) {
        String[] fields = value.split(",");
        String password = fields[0].trim();
        if (password.startsWith(PLAIN)) {
            if (!allowPlainText) {
                throw new IllegalArgumentException("User '" + name + "' in " + file + " has a plain-text password; "
                        + "hash it with PasswordHash or allow plain text explicitly");
            }
        } else if (!PasswordHash.isHash(password) || password.split(":").length != 4) {
            throw new IllegalArgumentException("User '" + name + "' in " + file + " has no " + PasswordHash.PREFIX
                    + "… password hash");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 1; i < fields.length; i++) {
            String role = fields[i].trim();
            if (!role.isEmpty()) {
                roles.add(role);
            }
        }
        return new Account(new UserPrincipal(name, roles), password);
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
        if (account.password.startsWith(PLAIN)) {
            return DigestHashes.equal(DigestHashes.hex(DigestHashes.SHA_256, password),
                    DigestHashes.hex(DigestHashes.SHA_256, account.password.substring(PLAIN.length())));
        }
        byte[] key = keyed(password);
        byte[] known = remembered.get(username);
        if (known != null && MessageDigest.isEqual(known, key)) {
            return true;
        }
        boolean matches = PasswordHash.matches(password, account.password);
        if (matches) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear(); // bounded: start over rather than grow
            }
            remembered.put(username, key);
        }
        return matches;
    }

    @Override
    public String digestSecret(String username, String realmName, String algorithm) {
        Account account = accounts.get(username);
        if (account == null || !account.password.startsWith(PLAIN)) {
            return null;
        }
        return DigestHashes.hex(algorithm,
                username + ':' + realmName + ':' + account.password.substring(PLAIN.length()));
    }

    private byte[] keyed(String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(rememberKey);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "user file " + source + " (" + accounts.size() + " users)";
    }
}
