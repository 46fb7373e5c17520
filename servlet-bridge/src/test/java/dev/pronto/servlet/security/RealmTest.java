package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PBKDF2 hashes, the in-memory realm, the user file (hashed by default, plain text only when asked for). */
class RealmTest {

    @TempDir
    Path dir;

    @Test
    void pbkdf2HashesVerify() {
        String hash = PasswordHash.hash("s3cret ü", 1000);
        assertTrue(hash.startsWith("pbkdf2-sha256:1000:"));
        assertTrue(PasswordHash.matches("s3cret ü", hash));
        assertFalse(PasswordHash.matches("s3cret u", hash));
        assertFalse(hash.equals(PasswordHash.hash("s3cret ü", 1000)), "a fresh salt each time");
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches("x", "plain"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches("x", "pbkdf2-sha256:0:AA:AA"));
    }

    @Test
    void inMemoryRealm() {
        InMemoryRealm realm = InMemoryRealm.builder()
                .user("alice", "wonder", "admin", "user")
                .user("bob", PasswordHash.hash("builder", 1000), "user")
                .build();
        assertEquals(Set.of("admin", "user"), realm.user("alice").roles());
        assertTrue(realm.checkPassword("alice", "wonder"));
        assertFalse(realm.checkPassword("alice", "wonderland"));
        assertTrue(realm.checkPassword("bob", "builder"));
        assertFalse(realm.checkPassword("carol", "x"));
        assertNull(realm.user("carol"));
        assertEquals(DigestHashes.hex("SHA-256", "alice:r:wonder"), realm.digestSecret("alice", "r", "SHA-256"));
        assertNull(realm.digestSecret("bob", "r", "SHA-256"), "a hashed password cannot serve DIGEST");
    }

    @Test
    void userFileWithHashes() throws Exception {
        Path file = write(Map.of("alice", PasswordHash.hash("wonder", 1000) + ", admin, user",
                "bob", PasswordHash.hash("builder", 1000)));
        UserFileRealm realm = UserFileRealm.load(file);
        assertTrue(realm.checkPassword("alice", "wonder"));
        assertTrue(realm.checkPassword("alice", "wonder"), "remembered the second time, same answer");
        assertFalse(realm.checkPassword("alice", "Wonder"));
        assertEquals(Set.of("admin", "user"), realm.user("alice").roles());
        assertEquals(Set.of(), realm.user("bob").roles());
        assertNull(realm.digestSecret("alice", "r", "SHA-256"));
    }

    @Test
    void userFileRefusesPlainTextUnlessAllowed() throws Exception {
        Path file = write(Map.of("carol", "plain:pw, user"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserFileRealm.load(file));
        assertTrue(e.getMessage().contains("carol"));
        UserFileRealm realm = UserFileRealm.load(file, true);
        assertTrue(realm.checkPassword("carol", "pw"));
        assertEquals(DigestHashes.hex("MD5", "carol:r:pw"), realm.digestSecret("carol", "r", "MD5"));
    }

    @Test
    void userFileRejectsMalformedEntries() throws Exception {
        Path file = write(Map.of("dave", "secret, user"));
        assertThrows(IllegalArgumentException.class, () -> UserFileRealm.load(file));
    }

    private Path write(Map<String, String> users) throws Exception {
        StringBuilder sb = new StringBuilder("# users\n");
        users.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Path file = dir.resolve("users.properties");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}
