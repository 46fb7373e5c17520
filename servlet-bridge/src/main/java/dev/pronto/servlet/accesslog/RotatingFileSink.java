package dev.pronto.servlet.accesslog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Appends lines to {@code prefix + date + suffix}, opening a new file when the local date changes, and deletes
 * this log's files older than {@code maxDays} at start and at each rotation. Used by the writer thread only.
 */
final class RotatingFileSink implements AccessLogSink {

    private final AccessLogConfig config;
    private final DateTimeFormatter dateFormat;
    private final Clock clock;
    private LocalDate openDate;
    private Path openFile;
    private Writer writer;

    RotatingFileSink(AccessLogConfig config, Clock clock) {
        this.config = config;
        this.dateFormat = DateTimeFormatter.ofPattern(config.fileDateFormat());
        this.clock = clock;
    }

    @Override
    public void write(String line) throws IOException {
        LocalDate today = LocalDate.now(clock);
        if (writer == null || config.rotate() && !today.equals(openDate)) {
            open(today);
        }
        writer.write(line);
        writer.write('\n');
        if (!config.buffered()) {
            writer.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        }
    }

    private void open(LocalDate today) throws IOException {
        close();
        Files.createDirectories(config.directory());
        String date = config.rotate() ? dateFormat.format(today) : "";
        openFile = config.directory().resolve(config.prefix() + date + config.suffix());
        writer = new BufferedWriter(Files.newBufferedWriter(openFile, config.encoding(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 16 * 1024);
        openDate = today;
        deleteExpired();
    }

    /** Tomcat's {@code maxDays}: this log's files last modified before today minus that many days go. */
    private void deleteExpired() {
        if (config.maxDays() < 0 || !config.rotate()) {
            return;
        }
        Instant limit = Instant.now(clock).minus(config.maxDays() + 1L, ChronoUnit.DAYS);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(config.directory(),
                config.prefix() + "*" + config.suffix())) {
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (!file.equals(openFile) && modified.toInstant().isBefore(limit)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            AccessLog.LOG.warn("Could not delete old access logs in {}: {}", config.directory(), e.toString());
        }
    }

    /** The file being written, or null before the first line. */
    Path currentFile() {
        return openFile;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
