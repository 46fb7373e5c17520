package dev.pronto.servlet.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes from the JDK ({@code PBKDF2WithHmacSHA256}), written as
 * {@code pbkdf2-sha256:<iterations>:<base64 salt>:<base64 hash>}. Stateless and thread-safe. Run
 * {@code java -cp pronto-servlet.jar dev.pronto.servlet.security.PasswordHash PASSWORD} to hash a password for a
 * user file.
 */
public final class PasswordHash {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final String PREFIX = "pbkdf2-sha256:";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new hash of {@code password} with a random salt and the default iterations. */
    public static String hash(String password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** A new hash of {@code password} with a random salt. */
    public static String hash(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + ':' + b64.encodeToString(salt) + ':'
                + b64.encodeToString(derive(password, salt, iterations, HASH_BITS));
    }

    /** Whether {@code stored} is a hash this class can check. */
    public static boolean isHash(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * Whether {@code password} matches {@code stored}, compared in constant time.
     *
     * @throws IllegalArgumentException if {@code stored} is not a well-formed hash
     */
    public static boolean matches(String password, String stored) {
        String[] fields = isHash(stored) ? stored.substring(PREFIX.length()).split(":", -1) : new String[0];
        if (fields.length != 3) {
            throw new IllegalArgumentException("Not a " + PREFIX + "… password hash");
        }
        int iterations = Integer.parseInt(fields[0]);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Iteration count out of range: " + iterations);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(fields[1]);
        byte[] expected = b64.decode(fields[2]);
        byte[] actual = derive(password, salt, iterations, expected.length * 8);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of each argument, one a line, for a user file. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: PasswordHash PASSWORD...");
            System.exit(2);
        }
        for (String password : args) {
            System.out.println(hash(password));
        }
    }
}
