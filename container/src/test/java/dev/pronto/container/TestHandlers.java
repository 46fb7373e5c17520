package dev.pronto.container;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A routing handler for the engine's tests: each path exercises one SPI feature. Workers run blocking parts. */
final class TestHandlers implements HttpHandler {

    final ExecutorService workers = Executors.newCachedThreadPool();
    /** {@code /gate} requests wait on a worker until this opens; each entry releases a permit of gateEntered. */
    final CountDownLatch gate = new CountDownLatch(1);
    final Semaphore gateEntered = new Semaphore(0);
    /** {@code /load} and {@code /load-worker} requests handed to the handler. */
    final AtomicInteger loadRequests = new AtomicInteger();

    static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) {
        String target = exchange.target();
        if (target.startsWith("http://")) {
            target = target.substring(target.indexOf('/', 7));
        }
        QueryStringDecoder query = new QueryStringDecoder(target);
        String path = query.path();
        switch (path) {
            case "/hello" -> exchange.send(text("hello"));
            case "/number" -> exchange.send(text(Long.toString(exchange.requestNumber())));
            case "/echo" -> workers.execute(() -> echo(exchange));
            case "/ignore-body" -> exchange.send(text("ignored"));
            case "/ignore-arrived-body" -> workers.execute(() -> ignoreArrivedBody(exchange));
            case "/gate" -> workers.execute(() -> {
                gateEntered.release();
                await(gate);
                exchange.send(text("gate"));
            });
            case "/load" -> {
                loadRequests.incrementAndGet();
                exchange.send(text("load"));
            }
            case "/load-worker" -> {
                loadRequests.incrementAndGet();
                workers.execute(() -> exchange.send(text("load")));
            }
            case "/slow" -> workers.execute(() -> {
                sleep(Long.parseLong(query.parameters().get("ms").get(0)));
                exchange.send(text("slow"));
            });
            case "/reverse" -> workers.execute(() -> {
                // Later requests finish first: responses must still leave in request order.
                sleep(Math.max(0, 200 - exchange.requestNumber() * 10));
                exchange.send(text("r" + exchange.requestNumber()));
            });
            case "/stream" -> workers.execute(() -> stream(exchange, Integer.parseInt(
                    query.parameters().get("chunks").get(0))));
            case "/fail" -> throw new IllegalStateException("handler failure on purpose");
            case "/headers" -> {
                exchange.responseHeaders().set("X-Method", exchange.method().name());
                exchange.responseHeaders().set("X-Target", exchange.target());
                exchange.send(text(exchange.requestHeaders().get("Host", "")));
            }
            default -> {
                exchange.status(404);
                exchange.send(text("not found"));
            }
        }
    }

    private static void echo(HttpExchange exchange) {
        try (InputStream in = exchange.body().inputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            HttpHeaders trailers = exchange.body().trailers();
            if (!trailers.isEmpty()) {
                exchange.responseHeaders().set("X-Trailers", trailers.names().toString());
            }
            exchange.send(Unpooled.wrappedBuffer(out.toByteArray()));
        } catch (RequestBodyException e) {
            if (!exchange.isCommitted()) {
                exchange.status(e.status());
                exchange.send(text(e.getMessage()));
            }
        } catch (IOException e) {
            exchange.abort();
        }
    }

    private static void stream(HttpExchange exchange, int chunks) {
        try {
            exchange.responseHeaders().set("Content-Type", "text/plain");
            for (int i = 0; i < chunks; i++) {
                exchange.awaitWritable(10_000);
                exchange.write(text("chunk" + i + ";"));
            }
            HttpHeaders trailers = new DefaultHttpHeaders();
            trailers.set("X-Checksum", "done");
            exchange.end(trailers);
        } catch (IOException e) {
            exchange.abort();
        }
    }

    /** Answers after the body has arrived, without reading it: the engine must release what is queued. */
    private static void ignoreArrivedBody(HttpExchange exchange) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!exchange.body().isReady() && System.nanoTime() < deadline) {
            sleep(5);
        }
        sleep(50); // the last chunk and the end of the body follow the first at once
        exchange.send(text("ignored"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
