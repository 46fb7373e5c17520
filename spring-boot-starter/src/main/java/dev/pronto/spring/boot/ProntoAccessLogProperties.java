package dev.pronto.spring.boot;

import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.accesslog.AccessLogPattern;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The access log, {@code server.pronto.accesslog.*}: the names and defaults of Boot's
 * {@code server.tomcat.accesslog.*}, plus where else lines may go (an SLF4J logger) and the queue size. Bound once.
 */
public class ProntoAccessLogProperties {

    /** Whether to write an access log. */
    private boolean enabled;

    /** common, combined, or a pattern in Tomcat's AccessLogValve syntax (%a %r %s %b %{name}i ...). */
    private String pattern = "common";

    /** Directory of the log files; relative paths resolve against the working directory. */
    private String directory = "logs";

    /** Log file name prefix. */
    private String prefix = "access_log";

    /** Log file name suffix. */
    private String suffix = ".log";

    /** Date format placed between prefix and suffix. */
    private String fileDateFormat = ".yyyy-MM-dd";

    /** Whether to start a new file each day. */
    private boolean rotate = true;

    /** Days to keep rotated files before deleting them; -1 keeps them all. */
    private int maxDays = -1;

    /** Whether to flush only when no line is waiting, rather than after each line. */
    private boolean buffered = true;

    /** Character set of the files. */
    private Charset encoding = StandardCharsets.UTF_8;

    /** An SLF4J logger to send the lines to (at INFO) instead of files; unset writes files. */
    private String logger;

    /** Lines waiting to be written before further ones are dropped (and counted); a request never waits. */
    private int queueSize = 8192;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        AccessLogPattern.parse(pattern); // an unknown code fails here, naming the property
        this.pattern = pattern;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getSuffix() {
        return suffix;
    }

    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }

    public String getFileDateFormat() {
        return fileDateFormat;
    }

    public void setFileDateFormat(String fileDateFormat) {
        this.fileDateFormat = fileDateFormat;
    }

    public boolean isRotate() {
        return rotate;
    }

    public void setRotate(boolean rotate) {
        this.rotate = rotate;
    }

    public int getMaxDays() {
        return maxDays;
    }

    public void setMaxDays(int maxDays) {
        this.maxDays = maxDays;
    }

    public boolean isBuffered() {
        return buffered;
    }

    public void setBuffered(boolean buffered) {
        this.buffered = buffered;
    }

    public Charset getEncoding() {
        return encoding;
    }

    public void setEncoding(Charset encoding) {
        this.encoding = encoding;
    }

    public String getLogger() {
        return logger;
    }

    public void setLogger(String logger) {
        this.logger = logger;
    }

    public int getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(int queueSize) {
        if (queueSize <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        this.queueSize = queueSize;
    }

    /** The settings as Pronto's configuration, or null when the log is off. */
    AccessLogConfig toConfig() {
        if (!enabled) {
            return null;
        }
        return AccessLogConfig.builder().pattern(pattern).directory(Path.of(directory)).prefix(prefix)
                .suffix(suffix).fileDateFormat(fileDateFormat).rotate(rotate).maxDays(maxDays).buffered(buffered)
                .encoding(encoding).loggerName(logger).queueSize(queueSize).build();
    }
}
