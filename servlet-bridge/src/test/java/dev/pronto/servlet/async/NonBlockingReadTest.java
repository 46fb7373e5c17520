package dev.pronto.servlet.async;

import dev.pronto.servlet.ServletTestServer;
import dev.pronto.testing.OnEachTransport;
import static dev.pronto.servlet.async.AsyncServlets.async;
import static dev.pronto.servlet.async.AsyncServlets.asyncNonBlocking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.container.Transport;
import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * ReadListener (Servlet 6.1 §5.7): reads never block, {@code onDataAvailable} follows {@code isReady()} false when
 * data arrives, {@code onAllDataRead} ends the body, callbacks never overlap, chunks stream without buffering.
 */
class NonBlockingReadTest {

    /** Sizes of the parts the client sends, waiting for the servlet to read each before the next. */
    private static final int[] PARTS = {1_000, 70_000, 1_000_000, 5};

    @OnEachTransport
    void readsAChunkedUploadAsItArrives(Transport transport) throws Exception {
        Upload servlet = new Upload();
        try (ServletTestServer s = ServletTestServer.start(transport, app -> async(app, "/upload", servlet));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            c.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
            CRC32 crc = new CRC32();
            long sent = 0;
            for (int size : PARTS) {
                byte[] part = pattern(sent, size);
                crc.update(part);
                sendChunks(c, part);
                sent += size;
                awaitRead(servlet, sent);
            }
            c.send("0\r\n\r\n");
            Response r = c.read();
            assertEquals(200, r.status());
            assertEquals(sent + " bytes, crc " + crc.getValue(), r.body());
            assertNull(servlet.error);
            assertTrue(servlet.dataCallbacks.get() >= PARTS.length,
                    "onDataAvailable again after each pause: " + servlet.dataCallbacks.get());
            assertEquals(1, servlet.maxConcurrent.get(), "callbacks never overlap");
            servlet.threads.forEach(t -> assertTrue(t.startsWith("pronto-worker-") || t.startsWith("pronto-vt-"), t));
        }
    }

    @Test
    void aClientThatGoesAwayMidUploadGetsOnError() throws Exception {
        Upload servlet = new Upload();
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/upload", servlet))) {
            try (RawHttpConnection c = RawHttpConnection.open(s.port())) {
                c.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
                sendChunks(c, pattern(0, 100_000));
                awaitRead(servlet, 100_000);
            }
            assertTrue(servlet.failed.await(10, TimeUnit.SECONDS), "onError");
            assertInstanceOf(IOException.class, servlet.error);
            s.awaitIdle();
            assertEquals(0, s.server().activeRequests(), "the request ended");
        }
    }

    @Test
    void aNonBlockingServletGetsItsCallbacksOnTheEventLoop() throws Exception {
        Upload servlet = new Upload();
        try (ServletTestServer s = ServletTestServer.start(app -> asyncNonBlocking(app, "/upload", servlet));
             RawHttpConnection c = RawHttpConnection.open(s.port())) {
            byte[] body = pattern(0, 200_000);
            CRC32 crc = new CRC32();
            crc.update(body);
            c.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length + "\r\n\r\n");
            c.send(body);
            assertEquals(body.length + " bytes, crc " + crc.getValue(), c.read().body());
            servlet.threads.forEach(t -> assertTrue(t.startsWith("pronto-io"), t));
        }
    }

    @Test
    void anEmptyBodyGoesStraightToOnAllDataRead() throws Exception {
        Upload servlet = new Upload();
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/upload", servlet))) {
            assertEquals("0 bytes, crc 0", s.rawGet("/upload").body());
            assertEquals(0, servlet.dataCallbacks.get());
        }
    }

    @Test
    void setReadListenerNeedsAsyncAndIsAllowedOnce() throws Exception {
        try (ServletTestServer s = ServletTestServer.start(app -> async(app, "/rules", new Rules()))) {
            assertEquals("without async: ISE; twice: ISE", s.rawGet("/rules").body());
        }
    }

    // ---- client side -----------------------------------------------------------------------------------------------

    private static byte[] pattern(long offset, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ((offset + i) * 31 % 253);
        }
        return bytes;
    }

    /** Sends {@code part} as chunks of at most 16 KiB. */
    private static void sendChunks(RawHttpConnection c, byte[] part) throws IOException {
        for (int off = 0; off < part.length; off += 16 * 1024) {
            int n = Math.min(16 * 1024, part.length - off);
            c.outputStream().write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            c.outputStream().write(part, off, n);
            c.outputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        c.outputStream().flush();
    }

    private static void awaitRead(Upload servlet, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (servlet.total.get() < bytes && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(bytes, servlet.total.get(), "the servlet read what was sent so far");
    }

    // ---- servlets ------------------------------------------------------------------------------------------------------

    /** Reads the body with a ReadListener and answers with its length and CRC-32. */
    static final class Upload extends HttpServlet {
        final AtomicLong total = new AtomicLong();
        final AtomicInteger dataCallbacks = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch failed = new CountDownLatch(1);
        private final AtomicInteger inCallback = new AtomicInteger();
        private final CRC32 crc = new CRC32();
        volatile Throwable error;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            AsyncContext ac = req.startAsync();
            ServletInputStream in = req.getInputStream();
            in.setReadListener(new ReadListener() {
                @Override
                public void onDataAvailable() throws IOException {
                    enter();
                    try {
                        dataCallbacks.incrementAndGet();
                        byte[] buffer = new byte[8192];
                        while (in.isReady() && !in.isFinished()) {
                            int n = in.read(buffer);
                            if (n > 0) {
                                crc.update(buffer, 0, n);
                                total.addAndGet(n);
                            }
                        }
                    } finally {
                        inCallback.decrementAndGet();
                    }
                }

                @Override
                public void onAllDataRead() throws IOException {
                    enter();
                    try {
                        resp.getWriter().print(total.get() + " bytes, crc " + crc.getValue());
                        ac.complete();
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

        private void enter() {
            maxConcurrent.accumulateAndGet(inCallback.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
        }
    }

    /** Checks the setReadListener rules; its listener reports them once the body (empty) is read. */
    static final class Rules extends HttpServlet {
        private static final ReadListener NOOP = new ReadListener() {
            @Override
            public void onDataAvailable() {
            }

            @Override
            public void onAllDataRead() {
            }

            @Override
            public void onError(Throwable t) {
            }
        };

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ServletInputStream in = req.getInputStream();
            String[] results = new String[2];
            results[0] = outcome(() -> in.setReadListener(NOOP));
            AsyncContext ac = req.startAsync();
            in.setReadListener(new ReadListener() {
                @Override
                public void onDataAvailable() {
                }

                @Override
                public void onAllDataRead() throws IOException {
                    resp.getWriter().print("without async: " + results[0] + "; twice: " + results[1]);
                    ac.complete();
                }

                @Override
                public void onError(Throwable t) {
                }
            });
            results[1] = outcome(() -> in.setReadListener(NOOP));
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
