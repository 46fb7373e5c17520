package dev.pronto.container.http2;

import dev.pronto.container.HttpExchange;
import dev.pronto.container.HttpHandler;
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

/** Routes of the HTTP/2 engine tests; blocking work runs on its own workers, as the servlet bridge does. */
final class Http2TestHandler implements HttpHandler {

    final ExecutorService workers = Executors.newCachedThreadPool();
    final CountDownLatch gate = new CountDownLatch(1);
    final Semaphore gateEntered = new Semaphore(0);
    final CountDownLatch closedSeen = new CountDownLatch(1);
    final CountDownLatch holdRelease = new CountDownLatch(1);

    static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) {
        QueryStringDecoder q = new QueryStringDecoder(exchange.target());
        switch (q.path()) {
            case "/hello" -> exchange.send(text("hello " + q.rawQuery() + ' ' + exchange.version().text() + ' '
                    + exchange.requestHeaders().get("host") + ' ' + exchange.requestHeaders().get("cookie")));
            case "/echo" -> workers.execute(() -> echo(exchange));
            case "/hold" -> workers.execute(() -> {
                await(holdRelease);
                echo(exchange);
            });
            case "/stream" -> workers.execute(() -> stream(exchange, Integer.parseInt(q.parameters().get("n").get(0))));
            case "/gate" -> workers.execute(() -> {
                gateEntered.release();
                await(gate);
                exchange.send(text("gate"));
            });
            default -> {
                exchange.status(404);
                exchange.send(Unpooled.EMPTY_BUFFER);
            }
        }
    }

    /** Echoes the body; request trailers come back as response trailers with an {@code x-} prefix. */
    private static void echo(HttpExchange exchange) {
        try (InputStream in = exchange.body().inputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            HttpHeaders trailers = new DefaultHttpHeaders();
            exchange.body().trailers().forEach(e -> trailers.add("x-" + e.getKey(), e.getValue()));
            exchange.write(Unpooled.wrappedBuffer(body.toByteArray()));
            trailers.add("x-length", body.size());
            exchange.end(trailers);
        } catch (IOException e) {
            exchange.abort();
        }
    }

    /** Writes {@code n} chunks of 1 KiB, waiting for writability (the stream's window) between them. */
    private void stream(HttpExchange exchange, int n) {
        exchange.onClose(closedSeen::countDown);
        try {
            for (int i = 0; i < n; i++) {
                exchange.awaitWritable(10_000);
                byte[] chunk = new byte[1024];
                java.util.Arrays.fill(chunk, (byte) ('a' + i % 26));
                exchange.write(Unpooled.wrappedBuffer(chunk));
            }
            HttpHeaders trailers = new DefaultHttpHeaders();
            trailers.add("x-chunks", n);
            exchange.end(trailers);
        } catch (IOException e) {
            if (!exchange.isEnded()) {
                exchange.abort();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
