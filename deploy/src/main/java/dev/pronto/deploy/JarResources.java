package dev.pronto.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The static resources that library jars carry in {@code META-INF/resources} (Servlet 6.1 §4.6), copied once into
 * one work directory (the first jar in order wins a path), so that they are served like the WAR's own files —
 * with zero-copy file sends — and no jar stays open for them. Reused while the jars are unchanged. Stateless.
 */
final class JarResources {

    private static final String PREFIX = "META-INF/resources/";

    private JarResources() {
    }

    /** The directory holding the jars' resources, or {@code null} when no jar has any. */
    static Path extract(List<Path> jars, java.util.function.Supplier<Path> workRoot, String baseName)
            throws IOException {
        if (!anyResources(jars)) {
            return null;
        }
        Path target = workRoot.get().resolve(baseName + "-" + key(jars)).resolve("jar-resources");
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), "extracting-");
        try {
            for (Path jar : jars) {
                copyResources(jar, temp.toRealPath());
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                WarExtractor.deleteTree(temp);
            }
        } catch (IOException | RuntimeException e) {
            WarExtractor.deleteTree(temp);
            throw e;
        }
        return target;
    }

    private static boolean anyResources(List<Path> jars) throws IOException {
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(PREFIX)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void copyResources(Path jar, Path root) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(PREFIX)) {
                    continue;
                }
                Path target = root.resolve(entry.getName().substring(PREFIX.length())).normalize();
                if (!target.startsWith(root) || Files.exists(target)) {
                    continue; // outside the root: never; already there: an earlier jar wins
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (entry.getTime() > 0) {
                    Files.setLastModifiedTime(target, FileTime.fromMillis(entry.getTime()));
                }
            }
        }
    }

    /** Names, sizes and modification times of the jars, in order, hashed: a changed jar means a new directory. */
    private static String key(List<Path> jars) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path jar : jars) {
                String line = jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
                        + Files.getLastModifiedTime(jar).toMillis() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
