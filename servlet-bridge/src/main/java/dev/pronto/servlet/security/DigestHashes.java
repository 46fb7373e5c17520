package dev.pronto.servlet.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash functions of HTTP Digest (RFC 7616 §3.4): lower-case hex of SHA-256 or MD5 over UTF-8. Stateless. */
final class DigestHashes {

    static final String SHA_256 = "SHA-256";
    static final String MD5 = "MD5";

    private DigestHashes() {
    }

    /** {@code H(data)} for the RFC 7616 algorithm name ({@code SHA-256} or {@code MD5}). */
    static String hex(String algorithm, String data) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Unsupported digest algorithm " + algorithm, e);
        }
    }

    /** Whether two hex strings are equal, compared in constant time. */
    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
