package dev.pronto.servlet.dispatch;

import dev.pronto.container.HttpExchange;
import dev.pronto.servlet.accesslog.AccessLogEntry;
import java.net.InetSocketAddress;

/**
 * A request the bridge answered itself, before any application (a rejected path, no context, the context-root
 * redirect, a refused TRACE): read from the exchange, so the remote address is the peer's. Event loop.
 */
record ExchangeAccessLogEntry(HttpExchange exchange, long startMillis, long startNanos) implements AccessLogEntry {

    @Override
    public String remoteAddr() {
        return address(exchange.remoteAddress());
    }

    @Override
    public String localAddr() {
        return address(exchange.localAddress());
    }

    private static String address(InetSocketAddress address) {
        return address == null || address.getAddress() == null ? null : address.getAddress().getHostAddress();
    }

    @Override
    public int localPort() {
        InetSocketAddress local = exchange.localAddress();
        return local == null ? -1 : local.getPort();
    }

    @Override
    public String method() {
        return exchange.method().name();
    }

    @Override
    public String uri() {
        String target = exchange.target();
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    @Override
    public String query() {
        String target = exchange.target();
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }

    @Override
    public String protocol() {
        return exchange.version().text();
    }

    @Override
    public int status() {
        return exchange.status();
    }

    @Override
    public long bytesSent() {
        return exchange.bodyBytesSent();
    }

    @Override
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    @Override
    public String requestHeader(String name) {
        return exchange.requestHeaders().get(name);
    }

    @Override
    public String responseHeader(String name) {
        return exchange.responseHeaders().get(name);
    }
}
