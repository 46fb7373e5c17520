package dev.pronto.servlet.async;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.OnEachTransport;
import static dev.pronto.servlet.async.AsyncServlets.async;
import static dev.pronto.servlet.async.AsyncServlets.asyncNonBlocking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.Transport;
import dev.pronto.testing.RawHttpConnection;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * WriteListener (Servlet 6.1 §5.7): writes never block, {@code isReady()} false is followed by
 * {@code onWritePossible}, callbacks never overlap, and a slow client bounds what the server holds.
 */
class NonBlockingWriteTest {

    private static final long BODY = 50L << 20;
    /**
     * Bound on bytes written but not yet read by the client (kernel buffers: up to 4 MiB of send autotuning, plus
     * Netty's queues) and on the allocator's memory in use; holding the body would need 50 MiB.
     */
    private static final long MAX_OUTSTANDING = 8L << 20;

    @OnEachTransport
    void streams50MiBToASlowReaderWithoutHoldingTheBody(Transport transport) throws Exception {
        AtomicLong received = new AtomicLong();
        Streaming servlet = new Streaming(BODY, received);
        try (ServletTestServer s = ServletTestServer.start(transport, app -> async(app, "/stream", servlet));
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024); // before connect: a small TCP window makes backpressure bite
            socket.connect(new InetSocketAddress("127.0.0.1", s.port()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase().contains("content-length: " + BODY), head);
            readSlowly(in, BODY, received);
            assertNull(servlet.error);
            assertEquals(BODY, servlet.sent.get());
            assertTrue(servlet.notReady.get() > 0, "backpressure was reported through isReady()");
            assertTrue(servlet.maxOutstanding.get() < MAX_OUTSTANDING,
                    "outstanding bytes " + servlet.maxOutstanding.get());
            assertTrue(servlet.maxAllocated.get() < MAX_OUTSTANDING,
                    "Netty's allocator held " + servlet.maxAllocated.get() + " bytes at most");
            assertEquals(1, servlet.maxConcurrent.get(), "callbacks never overlap");
            servlet.threads.forEach(t -> assertTrue(t.startsWith("pronto-worker-") || t.startsWith("pronto-vt-"), t));
        }
    }

    @Test
    void aClientThatGoesAwayMidStreamEndsTheRequest() throws Exception {
        Streaming servlet = new Streaming(BODY, new AtomicLong(-1));
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/stream", servlet))) {
            try (Socket socket = new Socket("127.0.0.1", s.port())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                readHead(socket.getInputStream());
                assertEquals(1 << 20, socket.getInputStream().readNBytes(1 << 20).length);
            }
            assertTrue(servlet.failed.await(10, TimeUnit.SECONDS), "onError");
            s.awaitIdle();
            assertEquals(0, s.server().activeRequests(), "the request ended");
            assertTrue(servlet.sent.get() < BODY);
        }
    }

    @Test
    void aNonBlockingServletGetsItsCallbacksOnTheEventLoop() throws Exception {
        Streaming servlet = new Streaming(1 << 20, new AtomicLong(-1));
        try (ServletTestServer s = ServletTestServer.start(app -> asyncNonBlocking(app, "/stream", servlet));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            RawHttpConnection.Response r = c.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(200, r.status());
            assertEquals(1 << 20, r.body().length());
            assertNull(servlet.error);
            servlet.threads.forEach(t -> assertTrue(t.startsWith("pronto-io"), t));
        }
    }

    @Test
    void setWriteListenerNeedsAsyncAndIsAllowedOnce() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/rules", new Rules()))) {
            assertEquals("without async: ISE; twice: ISE", s.rawGet("/rules").body());
        }
    }

    // ---- client side -----------------------------------------------------------------------------------------------

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the response head");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Small reads, a pause now and then; checks every byte against the servlet's pattern. */
    private static void readSlowly(InputStream in, long length, AtomicLong received) throws Exception {
        byte[] buffer = new byte[4096];
        long total = 0;
        int reads = 0;
        while (total < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - total));
            if (n < 0) {
                throw new IOException("closed after " + total + " bytes");
            }
            for (int i = 0; i < n; i++) {
                if (buffer[i] != Streaming.byteAt(total + i)) {
                    throw new AssertionError("wrong byte at " + (total + i));
                }
            }
            total += n;
            received.set(total);
            if (++reads % 64 == 0) {
                Thread.sleep(1);
            }
        }
    }

    // ---- servlets ------------------------------------------------------------------------------------------------------

    /** Streams {@code length} patterned bytes with a WriteListener, writing only while isReady() is true. */
    static final class Streaming extends HttpServlet {
        private static final int CHUNK = 16 * 1024;
        private static final byte[] PATTERN = new byte[CHUNK];

        static {
            for (int i = 0; i < CHUNK; i++) {
                PATTERN[i] = byteAt(i);
            }
        }

        final AtomicLong sent = new AtomicLong();
        final AtomicLong maxOutstanding = new AtomicLong();
        final AtomicLong maxAllocated = new AtomicLong();
        final AtomicInteger notReady = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch failed = new CountDownLatch(1);
        private final long length;
        private final AtomicLong received;
        private final AtomicInteger inCallback = new AtomicInteger();
        volatile Throwable error;

        Streaming(long length, AtomicLong received) {
            this.length = length;
            this.received = received;
        }

        /** What the server's buffer allocator has in use (the engine uses Netty's default allocator). */
        static long allocatedBytes() {
            if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
                ByteBufAllocatorMetric metric = provider.metric();
                return metric.usedDirectMemory() + metric.usedHeapMemory();
            }
            return 0;
        }

        static byte byteAt(long position) {
            return (byte) ((position % CHUNK) % 251);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            AsyncContext ac = req.startAsync();
            ac.setTimeout(120_000);
            resp.setContentType("application/octet-stream");
            resp.setContentLengthLong(length);
            ServletOutputStream out = resp.getOutputStream();
            out.setWriteListener(new WriteListener() {
                @Override
                public void onWritePossible() throws IOException {
                    maxConcurrent.accumulateAndGet(inCallback.incrementAndGet(), Math::max);
                    threads.add(Thread.currentThread().getName());
                    try {
                        writeWhileReady(out, ac);
                    } finally {
                        inCallback.decrementAndGet();
                    }
                }

                @Override
                public void onError(Throwable t) {
                    error = t;
                    failed.countDown();
                    ac.complete();
                }
            });
        }

        private void writeWhileReady(ServletOutputStream out, AsyncContext ac) throws IOException {
            while (out.isReady()) {
                long done = sent.get();
                int n = (int) Math.min(CHUNK, length - done);
                out.write(PATTERN, 0, n);
                done = sent.addAndGet(n);
                if (received.get() >= 0) {
                    maxOutstanding.accumulateAndGet(done - received.get(), Math::max);
                }
                maxAllocated.accumulateAndGet(allocatedBytes(), Math::max);
                if (done == length) {
                    ac.complete();
                    return;
                }
            }
            notReady.incrementAndGet();
        }
    }

    /** Checks the setWriteListener rules; its listener reports them once the dispatch has returned. */
    static final class Rules extends HttpServlet {
        private static final WriteListener NOOP = new WriteListener() {
            @Override
            public void onWritePossible() {
            }

            @Override
            public void onError(Throwable t) {
            }
        };

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ServletOutputStream out = resp.getOutputStream();
            String[] results = new String[2];
            results[0] = outcome(() -> out.setWriteListener(NOOP));
            AsyncContext ac = req.startAsync();
            out.setWriteListener(new WriteListener() {
                @Override
                public void onWritePossible() throws IOException {
                    String text = "without async: " + results[0] + "; twice: " + results[1];
                    out.write(text.getBytes(StandardCharsets.US_ASCII));
                    ac.complete();
                }

                @Override
                public void onError(Throwable t) {
                }
            });
            results[1] = outcome(() -> out.setWriteListener(NOOP));
        }

        private static String outcome(Runnable call) {
            try {
                call.run();
                return "allowed";
            } catch (IllegalStateException e) {
                return "ISE";
            }
        }
    }
}
