package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.accesslog.AccessLogEntry;
import java.net.InetSocketAddress;

/**
 * Input the engine refused before any request existed (400, 408, 414, 431 …): only the addresses and the status
 * are known, so the request line logs as {@code -}, as Tomcat logs an unparseable request. Event loop.
 */
record RejectedAccessLogEntry(int status, InetSocketAddress remote, InetSocketAddress local, long startMillis)
        implements AccessLogEntry {

    @Override
    public String remoteAddr() {
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public String localAddr() {
        return local == null || local.getAddress() == null ? null : local.getAddress().getHostAddress();
    }

    @Override
    public int localPort() {
        return local == null ? -1 : local.getPort();
    }

    @Override
    public String method() {
        return null;
    }

    @Override
    public String uri() {
        return "-";
    }

    @Override
    public String query() {
        return null;
    }

    @Override
    public String protocol() {
        return "-";
    }

    @Override
    public long bytesSent() {
        return -1;
    }

    @Override
    public long elapsedNanos() {
        return 0;
    }

    @Override
    public String requestHeader(String name) {
        return null;
    }

    @Override
    public String responseHeader(String name) {
        return null;
    }
}
