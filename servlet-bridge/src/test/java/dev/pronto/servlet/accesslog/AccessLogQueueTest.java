package dev.pronto.servlet.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A slow sink never blocks the caller: the bounded queue drops what does not fit, and counts it. */
class AccessLogQueueTest {

    /** Blocks in its first write until released. */
    static final class StuckSink implements AccessLogSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void write(String line) throws java.io.IOException {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lines.add(line);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void dropsAndCountsWhatTheQueueCannotHoldThenWritesTheRestOnClose() throws Exception {
        StuckSink sink = new StuckSink();
        AccessLog log = AccessLog.start(AccessLogConfig.builder().pattern("%s").queueSize(2).build(), sink);
        log.log(new FixedEntry(1));
        assertTrue(sink.entered.await(10, TimeUnit.SECONDS)); // the writer holds line 1
        for (int status = 2; status <= 10; status++) {
            log.log(new FixedEntry(status)); // returns at once: 2 and 3 queue, 4..10 are dropped
        }
        assertEquals(7, log.dropped());
        sink.release.countDown();
        log.close();
        assertEquals(List.of("1", "2", "3"), sink.lines);
        assertEquals(3, log.written());
    }

    /** An entry with only a status. */
    record FixedEntry(int status) implements AccessLogEntry {
        public String remoteAddr() { return null; }
        public String localAddr() { return null; }
        public int localPort() { return 0; }
        public String method() { return null; }
        public String uri() { return null; }
        public String query() { return null; }
        public String protocol() { return null; }
        public long bytesSent() { return 0; }
        public long startMillis() { return 0; }
        public long elapsedNanos() { return 0; }
        public String requestHeader(String name) { return null; }
        public String responseHeader(String name) { return null; }
        public String cookie(String name) { return null; }
        public String remoteUser() { return null; }
        public String sessionId() { return null; }
        public String serverName() { return null; }
        public Object requestAttribute(String name) { return null; }
    }
}
