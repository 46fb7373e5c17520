package dev.pronto.benchmarks.peers.prontows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The state of one load run, touched only on the client's single event loop (the latches are for the main thread).
 * Echo: every connection keeps {@code inFlight} messages outstanding, sending one per message received. Broadcast:
 * the last connection publishes, the others subscribe; the publisher keeps {@code inFlight} messages undelivered (a
 * message counts once per subscriber that received it). Counting starts when every subscriber has received one probe,
 * so that no message goes to a server that has not registered all subscribers yet.
 */
final class LoadState {

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);

    final boolean broadcast;
    private final int connections;
    private final int inFlight;
    private final ByteBuf payload;
    private final CountDownLatch handshakes;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<Channel> open = new ArrayList<>();
    private final Set<Channel> dirty = new HashSet<>();
    private final Set<Channel> probed = new HashSet<>();
    private Channel publisher;
    private boolean running;
    private boolean counting;
    private long delivered;
    private long published;
    private volatile long lastProgress = System.nanoTime();
    private volatile Throwable failure;

    LoadState(boolean broadcast, int connections, int inFlight, int size) {
        this.broadcast = broadcast;
        this.connections = connections;
        this.inFlight = inFlight;
        byte[] text = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
        this.payload = Unpooled.unreleasableBuffer(Unpooled.directBuffer(size).writeBytes(text));
        this.handshakes = new CountDownLatch(connections + (broadcast ? 1 : 0));
    }

    void handshaken(Channel channel) {
        open.add(channel);
        handshakes.countDown();
    }

    void awaitHandshakes(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        await(handshakes, timeout, unit, "WebSocket handshakes");
    }

    void awaitReady(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        await(ready, timeout, unit, "broadcast subscribers");
    }

    private void await(CountDownLatch latch, long timeout, TimeUnit unit, String what)
            throws InterruptedException, TimeoutException {
        if (!latch.await(timeout, unit)) {
            TimeoutException e = new TimeoutException(what + " not done in " + timeout + " " + unit);
            e.initCause(failure);
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("load connection failed", failure);
        }
    }

    /** Event loop: starts the load on every open connection. */
    void start() {
        running = true;
        if (!broadcast) {
            counting = true;
            ready.countDown();
            for (Channel channel : open) {
                for (int i = 0; i < inFlight; i++) {
                    channel.write(frame());
                }
                channel.flush();
            }
            return;
        }
        publisher = open.get(open.size() - 1);
        probe();
    }

    /** Broadcast: one probe every 20 ms until every subscriber has received one. */
    private void probe() {
        if (!running || counting) {
            return;
        }
        publisher.writeAndFlush(frame());
        publisher.eventLoop().schedule(this::probe, 20, TimeUnit.MILLISECONDS);
    }

    void onMessage(Channel channel) {
        lastProgress = System.nanoTime();
        if (!running) {
            return;
        }
        if (!broadcast) {
            delivered++;
            channel.write(frame());
            dirty.add(channel);
            return;
        }
        if (!counting) {
            probed.add(channel);
            if (probed.size() == connections) {
                counting = true;
                ready.countDown();
                publish();
            }
            return;
        }
        delivered++;
        publish();
    }

    /** Broadcast: tops the publisher up to {@code inFlight} undelivered messages. */
    private void publish() {
        while ((published - inFlight) * connections < delivered) {
            publisher.write(frame());
            published++;
            dirty.add(publisher);
        }
    }

    void readComplete(Channel channel) {
        if (!dirty.isEmpty()) {
            for (Channel c : dirty) {
                c.flush();
            }
            dirty.clear();
        }
    }

    void closed(Channel channel) {
        if (running && failure == null) {
            failure = new IllegalStateException("the server closed a load connection");
        }
    }

    void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** Event loop: messages received since counting began. */
    long delivered() {
        return delivered;
    }

    /** Event loop: no more sends. */
    void stop() {
        running = false;
    }

    /** Main thread, after the run: a run that stopped making progress or lost a connection is not a result. */
    void failIfStalled() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("load connection failed", failure);
        }
        long idle = System.nanoTime() - lastProgress;
        if (idle > STALL_NANOS) {
            throw new IllegalStateException("no message for " + TimeUnit.NANOSECONDS.toSeconds(idle) + " s: stalled");
        }
    }

    private TextWebSocketFrame frame() {
        return new TextWebSocketFrame(payload.duplicate());
    }
}
