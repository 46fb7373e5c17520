package dev.pronto.benchmarks.peers.netty;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The {@code Date} header value (RFC 9110 §6.6.1: one-second resolution), formatted once a second
 * by a task on its own event loop. One instance per event loop, confined to that loop's thread,
 * so reading it needs no synchronization.
 */
final class CachedDate {
    private static final FastThreadLocal<CachedDate> PER_LOOP = new FastThreadLocal<>();

    private AsciiString value = format();

    private CachedDate() {
    }

    /** The instance of {@code loop}, created (with its refresh task) on first use; call on {@code loop}. */
    static CachedDate of(EventLoop loop) {
        assert loop.inEventLoop();
        CachedDate date = PER_LOOP.get();
        if (date == null) {
            date = new CachedDate();
            PER_LOOP.set(date);
            // Refresh just after each wall-clock second turns.
            long delay = 1_000 - System.currentTimeMillis() % 1_000;
            loop.scheduleAtFixedRate(date::refresh, delay, 1_000, TimeUnit.MILLISECONDS);
        }
        return date;
    }

    AsciiString value() {
        return value;
    }

    private void refresh() {
        value = format();
    }

    private static AsciiString format() {
        return AsciiString.cached(DateFormatter.format(new Date()));
    }
}
