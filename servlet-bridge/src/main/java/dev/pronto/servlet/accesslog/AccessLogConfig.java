package dev.pronto.servlet.accesslog;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Access-log settings, mirroring Tomcat's {@code AccessLogValve} (and Boot's {@code server.tomcat.accesslog.*}):
 * an immutable record built with {@link #builder()}. Lines go to daily files in {@code directory}, named
 * {@code prefix + date + suffix}, or, when {@code loggerName} is set, to that SLF4J logger at INFO.
 *
 * @param pattern        {@code common}, {@code combined} or a pattern (see {@link AccessLogPattern})
 * @param directory      where the files go (created if missing); relative to the working directory
 * @param prefix         file name prefix
 * @param suffix         file name suffix
 * @param fileDateFormat the date between prefix and suffix, a {@code DateTimeFormatter} pattern
 * @param rotate         a new file each day; false: one file, {@code prefix + suffix}
 * @param maxDays        days to keep rotated files (older ones are deleted at start and at rotation); -1 keeps all
 * @param buffered       flush only when the queue runs empty rather than after each line
 * @param encoding       file encoding
 * @param loggerName     an SLF4J logger to write to instead of files; null for files
 * @param queueSize      lines waiting to be written before further ones are dropped (and counted)
 */
public record AccessLogConfig(String pattern, Path directory, String prefix, String suffix, String fileDateFormat,
                              boolean rotate, int maxDays, boolean buffered, Charset encoding, String loggerName,
                              int queueSize) {

    public AccessLogConfig {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(fileDateFormat, "fileDateFormat");
        Objects.requireNonNull(encoding, "encoding");
        if (queueSize <= 0) {
            throw new IllegalArgumentException("queueSize must be positive: " + queueSize);
        }
        AccessLogPattern.parse(pattern); // fail at configuration, naming the bad code
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; defaults as Tomcat's: common format, {@code logs/access_log.yyyy-MM-dd.log}. Not thread-safe. */
    public static final class Builder {
        private String pattern = "common";
        private Path directory = Path.of("logs");
        private String prefix = "access_log";
        private String suffix = ".log";
        private String fileDateFormat = ".yyyy-MM-dd";
        private boolean rotate = true;
        private int maxDays = -1;
        private boolean buffered = true;
        private Charset encoding = StandardCharsets.UTF_8;
        private String loggerName;
        private int queueSize = 8192;

        Builder() {
        }

        public Builder pattern(String pattern) { this.pattern = pattern; return this; }
        public Builder directory(Path directory) { this.directory = directory; return this; }
        public Builder prefix(String prefix) { this.prefix = prefix; return this; }
        public Builder suffix(String suffix) { this.suffix = suffix; return this; }
        public Builder fileDateFormat(String fileDateFormat) { this.fileDateFormat = fileDateFormat; return this; }
        public Builder rotate(boolean rotate) { this.rotate = rotate; return this; }
        public Builder maxDays(int maxDays) { this.maxDays = maxDays; return this; }
        public Builder buffered(boolean buffered) { this.buffered = buffered; return this; }
        public Builder encoding(Charset encoding) { this.encoding = encoding; return this; }
        public Builder loggerName(String loggerName) { this.loggerName = loggerName; return this; }
        public Builder queueSize(int queueSize) { this.queueSize = queueSize; return this; }

        public AccessLogConfig build() {
            return new AccessLogConfig(pattern, directory, prefix, suffix, fileDateFormat, rotate, maxDays, buffered,
                    encoding, loggerName, queueSize);
        }
    }
}
