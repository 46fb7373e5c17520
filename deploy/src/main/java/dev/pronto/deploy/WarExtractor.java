package dev.pronto.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a packed WAR once into a work directory named by its content hash ({@code name-sha256prefix}), and
 * reuses it while the content is the same. Unpacking goes to a temporary directory first and is renamed into place
 * when complete, so a crash never leaves a half WAR to reuse. Entries that would land outside the directory
 * ("zip slip") fail the deployment. Stateless; safe for concurrent deployments of the same WAR.
 */
final class WarExtractor {

    private WarExtractor() {
    }

    /** The exploded directory for {@code war}, unpacked under {@code workRoot} unless already there. */
    static Path explode(Path war, Path workRoot) throws IOException {
        String hash = hash(war);
        Path target = workRoot.resolve(ContextPaths.baseName(war) + "-" + hash).resolve("webapp");
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), "unpacking-");
        try {
            unzip(war, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                deleteTree(temp); // another deployment of the same WAR won the race
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
        return target;
    }

    /** The first 16 hex digits of the SHA-256 of the file's content. */
    static String hash(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static void unzip(Path war, Path into) throws IOException {
        Path root = into.toRealPath();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    if (target.equals(root)) {
                        continue;
                    }
                    throw new DeploymentException("WAR entry " + entry.getName() + " in " + war
                            + " points outside the WAR; refusing to unpack it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getTime() > 0) {
                    Files.setLastModifiedTime(target, FileTime.fromMillis(entry.getTime()));
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary directory is harmless and named as such
        }
    }
}
