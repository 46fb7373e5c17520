package dev.pronto.container.http2;

import dev.pronto.container.Http2Config;
import dev.pronto.container.HttpHandler;
import dev.pronto.container.ServerConfig;
import dev.pronto.container.connection.ConnectionRegistry;
import dev.pronto.container.connection.EngineCounters;
import io.netty.util.AsciiString;

/** What every HTTP/2 connection of one server shares: handler, registry, limits. Immutable, thread-safe. */
public final class Http2ServerSettings {

    final HttpHandler handler;
    final ConnectionRegistry registry;
    final EngineCounters counters;
    final Http2Config http2;
    /** The {@code server} field value, or null for none. */
    final AsciiString serverHeader;
    final long idleTimeoutNanos;
    final long headTimeoutNanos;
    final long blockingTimeoutMillis;
    final long maxBodySize;

    public Http2ServerSettings(ServerConfig config, HttpHandler handler, ConnectionRegistry registry,
                               EngineCounters counters) {
        this.handler = handler;
        this.registry = registry;
        this.counters = counters;
        this.http2 = config.http2();
        String server = config.serverHeader();
        this.serverHeader = server == null || server.isEmpty() ? null : new AsciiString(server);
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        this.headTimeoutNanos = config.headTimeout().toNanos();
        this.blockingTimeoutMillis = config.blockingTimeout().toMillis();
        this.maxBodySize = config.maxBodySize();
    }
}
