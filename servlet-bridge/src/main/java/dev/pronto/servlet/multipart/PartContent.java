package dev.pronto.servlet.multipart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The bytes of one part as they arrive: in memory up to {@code fileSizeThreshold}, then spilled to a temporary
 * file in the configured location (Servlet 6.1 §3.2, {@code MultipartConfigElement}), with {@code maxFileSize}
 * checked on every write. Written by the parsing thread, then read-only; {@link #delete()} is idempotent.
 */
final class PartContent {

    private final String partName;
    private final Path directory;
    private final int threshold;
    private final long maxSize;
    private byte[] memory = new byte[0];
    private long size;
    private Path file;
    private FileChannel channel;
    /** True while {@link #file} is ours to delete (a temporary file, not one the application wrote to). */
    private boolean temporary;

    /**
     * @param threshold bytes kept in memory; beyond it the part goes to disk
     * @param maxSize   largest size allowed, {@code -1} for no limit
     */
    PartContent(String partName, Path directory, int threshold, long maxSize) {
        this.partName = partName;
        this.directory = directory;
        this.threshold = Math.max(0, threshold);
        this.maxSize = maxSize;
    }

    void write(byte[] data, int offset, int length) throws IOException {
        if (maxSize >= 0 && size + length > maxSize) {
            throw MultipartLimits.partTooLarge(partName, maxSize);
        }
        if (channel == null && size + length > threshold) {
            spill();
        }
        if (channel != null) {
            ByteBuffer src = ByteBuffer.wrap(data, offset, length);
            while (src.hasRemaining()) {
                channel.write(src);
            }
        } else {
            if (size + length > memory.length) {
                memory = Arrays.copyOf(memory, (int) Math.min(threshold, Math.max(size + length, 2 * size)));
            }
            System.arraycopy(data, offset, memory, (int) size, length);
        }
        size += length;
    }

    private void spill() throws IOException {
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, "pronto-part-", ".tmp"); // owner-only permissions on POSIX
        temporary = true;
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(memory, 0, (int) size));
        memory = null;
    }

    /** The part is complete: closes the file being written. */
    void finish() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    long size() {
        return size;
    }

    boolean isInMemory() {
        return file == null && memory != null;
    }

    /** The bytes of an in-memory part. */
    byte[] bytes() {
        return memory.length == size ? memory : Arrays.copyOf(memory, (int) size);
    }

    InputStream open() throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        if (memory == null) {
            throw new IOException("The part '" + partName + "' was deleted");
        }
        return new ByteArrayInputStream(memory, 0, (int) size);
    }

    /**
     * Stores the content at {@code target}: a temporary file is moved there (a rename where possible, as
     * {@code Part.write} allows), an in-memory part written out. The content stays readable from its new place.
     */
    void moveTo(Path target) throws IOException {
        if (file == null) {
            Files.write(target, memory == null ? new byte[0] : bytes());
            return;
        }
        if (!temporary) {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING); // another file system: a copy
        }
        file = target;
        temporary = false; // the application's file now: never deleted by the container
    }

    /** Frees the content: the temporary file (if any) is deleted, memory dropped. */
    void delete() throws IOException {
        memory = null;
        finish();
        if (file != null && temporary) {
            temporary = false;
            Path doomed = file;
            file = null;
            Files.deleteIfExists(doomed);
        }
    }
}
