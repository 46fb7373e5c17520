package dev.pronto.servlet.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily rotation and retention, driven by a clock the test moves. */
class RotatingFileSinkTest {

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T23:59:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    @Test
    void opensANewFileEachDayAndDeletesFilesOlderThanMaxDays() throws IOException {
        MovableClock clock = new MovableClock();
        Path old = Files.writeString(dir.resolve("access_log.2026-02-01.log"), "old\n");
        Files.setLastModifiedTime(old, FileTime.from(clock.now.minus(Duration.ofDays(20))));
        Path recent = Files.writeString(dir.resolve("access_log.2026-02-28.log"), "recent\n");
        Files.setLastModifiedTime(recent, FileTime.from(clock.now.minus(Duration.ofDays(1))));
        Path other = Files.writeString(dir.resolve("other.log"), "not ours\n");
        Files.setLastModifiedTime(other, FileTime.from(clock.now.minus(Duration.ofDays(20))));

        RotatingFileSink sink = new RotatingFileSink(AccessLogConfig.builder().directory(dir).maxDays(7).build(), clock);
        sink.write("one");
        clock.now = clock.now.plus(Duration.ofMinutes(2)); // past midnight
        sink.write("two");
        sink.close();

        assertEquals(List.of("one"), Files.readAllLines(dir.resolve("access_log.2026-03-01.log")));
        assertEquals(List.of("two"), Files.readAllLines(dir.resolve("access_log.2026-03-02.log")));
        assertFalse(Files.exists(old), "older than max-days: deleted");
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(other), "another log's file is left alone");
    }

    @Test
    void withoutRotationOneFileKeepsGrowing() throws IOException {
        MovableClock clock = new MovableClock();
        RotatingFileSink sink = new RotatingFileSink(AccessLogConfig.builder().directory(dir).rotate(false).build(),
                clock);
        sink.write("one");
        clock.now = clock.now.plus(Duration.ofDays(1));
        sink.write("two");
        sink.close();
        assertEquals(List.of("one", "two"), Files.readAllLines(dir.resolve("access_log.log")));
    }
}
