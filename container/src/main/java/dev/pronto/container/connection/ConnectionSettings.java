package dev.pronto.container.connection;

import dev.pronto.container.HttpHandler;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.http1.EngineHeaderLines;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;

/** What every connection of one server shares: the handler, limits and registry. Immutable, thread-safe. */
public final class ConnectionSettings {

    final HttpHandler handler;
    final ConnectionRegistry registry;
    /** {@code server: …\r\n}, pre-encoded; null for none. */
    final byte[] serverLine;
    final int maxPipelined;
    final long headTimeoutNanos;
    final long idleTimeoutNanos;
    final long blockingTimeoutMillis;

    public ConnectionSettings(ServerConfig config, HttpHandler handler, ConnectionRegistry registry) {
        this.handler = handler;
        this.registry = registry;
        String server = config.serverHeader();
        boolean none = server == null || server.isEmpty();
        if (!none && HttpHeaderValidationUtil.validateValidHeaderValue(server) != -1) {
            throw new IllegalArgumentException("Invalid Server header value: " + server);
        }
        this.serverLine = none ? null : EngineHeaderLines.line("server: " + server);
        this.maxPipelined = config.maxPipelined();
        this.headTimeoutNanos = config.headTimeout().toNanos();
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        this.blockingTimeoutMillis = config.blockingTimeout().toMillis();
    }

    /** The counters every connection of this server adds to. */
    public EngineCounters counters() {
        return registry.counters();
    }
}
