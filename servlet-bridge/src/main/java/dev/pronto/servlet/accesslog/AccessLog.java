package dev.pronto.servlet.accesslog;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's access log: request threads format a line and offer it to a bounded queue, never waiting; a full
 * queue drops the line and counts it. One daemon thread writes the lines to rotating files or an SLF4J logger.
 * Thread-safe. {@link #close()} writes what is queued, then stops the thread.
 */
public final class AccessLog implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final String STOP = new String("stop"); // identity marks the end of the queue

    private final AccessLogConfig config;
    private final AccessLogPattern pattern;
    private final BlockingQueue<String> queue;
    private final AccessLogSink sink;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final Thread writer;
    private volatile boolean closed;

    private AccessLog(AccessLogConfig config, AccessLogSink sink) {
        this.config = config;
        this.pattern = AccessLogPattern.parse(config.pattern());
        this.queue = new ArrayBlockingQueue<>(config.queueSize());
        this.sink = sink;
        this.writer = new Thread(this::writeLoop, "pronto-access-log");
        writer.setDaemon(true);
    }

    /** Starts the writer thread for {@code config}. */
    public static AccessLog start(AccessLogConfig config) {
        AccessLogSink sink = config.loggerName() != null ? new Slf4jSink(config.loggerName())
                : new RotatingFileSink(config, Clock.systemDefaultZone());
        return start(config, sink);
    }

    static AccessLog start(AccessLogConfig config, AccessLogSink sink) {
        AccessLog log = new AccessLog(config, sink);
        log.writer.start();
        return log;
    }

    /** Formats {@code entry} on the caller's thread and queues the line; drops it (counted) when the queue is full. */
    public void log(AccessLogEntry entry) {
        if (closed) {
            return;
        }
        String line;
        try {
            line = pattern.format(entry);
        } catch (RuntimeException e) {
            LOG.debug("Could not format an access log line: {}", e.toString());
            return;
        }
        if (!queue.offer(line)) {
            dropped.increment();
        }
    }

    /** Lines dropped because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Lines handed to the file or logger. */
    public long written() {
        return written.sum();
    }

    public AccessLogConfig config() {
        return config;
    }

    private void writeLoop() {
        try {
            while (true) {
                String line = queue.poll();
                if (line == null) {
                    flushQuietly();
                    line = queue.take();
                }
                if (line == STOP) {
                    break;
                }
                writeQuietly(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            String line;
            while ((line = queue.poll()) != null) {
                if (line != STOP) {
                    writeQuietly(line);
                }
            }
            try {
                sink.close();
            } catch (IOException e) {
                LOG.warn("Could not close the access log: {}", e.toString());
            }
        }
    }

    private void writeQuietly(String line) {
        try {
            sink.write(line);
            written.increment();
        } catch (IOException | RuntimeException e) {
            dropped.increment();
            LOG.warn("Could not write the access log: {}", e.toString());
        }
    }

    private void flushQuietly() {
        try {
            sink.flush();
        } catch (IOException e) {
            LOG.warn("Could not flush the access log: {}", e.toString());
        }
    }

    /** Writes the lines already queued, closes the file, and stops the writer (waits up to 5 s). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP); // the writer keeps draining, so this waits at most for room
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.interrupt();
        }
    }
}
