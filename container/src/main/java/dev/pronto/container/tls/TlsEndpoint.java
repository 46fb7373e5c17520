package dev.pronto.container.tls;

import dev.pronto.container.TlsConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of one server port: the current SSL contexts (swapped whole on reload; connections already open
 * keep theirs), the handshake-failure count, and the optional watcher that reloads when a key or trust file
 * changes. Thread-safe: channels read the contexts from any event loop, reloads may come from any thread.
 */
public final class TlsEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TlsEndpoint.class);

    private final LongAdder handshakeFailures = new LongAdder();
    private volatile TlsProviderChoice choice;
    private volatile TlsConfig config;
    private volatile TlsContexts contexts;
    private volatile List<String> fileStamps;
    private ScheduledExecutorService watcher;
    /** Watcher thread only: the changed stamps seen on the last tick, and those of files that failed to load. */
    private List<String> settling;
    private List<String> failedStamps;
    /** Whether ALPN offers {@code h2} before {@code http/1.1} (RFC 9113 §3.2). */
    private final boolean http2;

    private TlsEndpoint(boolean http2) {
        this.http2 = http2;
    }

    /**
     * Chooses the provider, reads the key material and starts the file watcher if configured.
     *
     * @throws IOException naming the file or setting when the key material cannot be read or used
     */
    public static TlsEndpoint start(TlsConfig config) throws IOException {
        return start(config, false);
    }

    /** As {@link #start(TlsConfig)}; with {@code http2}, ALPN offers {@code h2} and then {@code http/1.1}. */
    public static TlsEndpoint start(TlsConfig config, boolean http2) throws IOException {
        TlsEndpoint endpoint = new TlsEndpoint(http2);
        endpoint.reload(config);
        if (config.reloadCheckInterval() != null) {
            endpoint.watch(config.reloadCheckInterval().toMillis());
        }
        return endpoint;
    }

    /** Reads the configured files again; new connections use what was read. Any thread. */
    public void reload() throws IOException {
        reload(config);
    }

    /** Switches to {@code newConfig} (same port; its file watching interval is not changed). Any thread. */
    public synchronized void reload(TlsConfig newConfig) throws IOException {
        Objects.requireNonNull(newConfig, "newConfig");
        TlsProviderChoice newChoice = choice != null && config.provider() == newConfig.provider() ? choice
                : TlsProviderChoice.choose(newConfig.provider());
        List<String> stamps = stamps(newConfig);
        try {
            contexts = TlsContexts.build(newConfig, newChoice, http2);
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
        choice = newChoice;
        config = newConfig;
        fileStamps = stamps;
    }

    private void watch(long intervalMillis) {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pronto-tls-reload");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void reloadIfChanged() {
        List<String> now = stamps(config);
        if (now.equals(fileStamps) || now.equals(failedStamps)) {
            settling = null;
            return;
        }
        if (!now.equals(settling)) {
            // A quiet period of one interval: a file still being written (copied over, half-flushed) is read only
            // once it stopped changing, as Spring Boot's SSL bundle watcher does.
            settling = now;
            return;
        }
        settling = null;
        try {
            reload();
            failedStamps = null;
            log.info("TLS key material reloaded ({} changed)", files(config));
        } catch (IOException | RuntimeException e) {
            failedStamps = now; // said once per change of the files, not once per tick
            log.warn("TLS key material not reloaded, keeping the current one: {}", e.getMessage());
        }
    }

    private static List<Path> files(TlsConfig config) {
        List<Path> files = new ArrayList<>(config.key().files());
        config.sniKeys().values().forEach(k -> files.addAll(k.files()));
        if (config.trust() != null) {
            files.addAll(config.trust().files());
        }
        return files;
    }

    private static List<String> stamps(TlsConfig config) {
        List<String> stamps = new ArrayList<>();
        for (Path file : files(config)) {
            try {
                stamps.add(file + "@" + Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file));
            } catch (IOException e) {
                stamps.add(file + "@missing");
            }
        }
        return stamps;
    }

    /** Adds the TLS handler and its guard at the front of a new connection's pipeline. Event loop. */
    public void addHandlers(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("tls", contexts.newHandler(channel.alloc()));
        pipeline.addLast("tls-guard", new TlsHandshakeGuard(this));
    }

    void handshakeFailed() {
        handshakeFailures.increment();
    }

    /** Connections whose TLS handshake failed or timed out since the start. */
    public long handshakeFailures() {
        return handshakeFailures.sum();
    }

    /** The provider in use and why, e.g. {@code OpenSSL (BoringSSL from netty-tcnative)}. */
    public String describe() {
        TlsProviderChoice c = choice;
        return c.name() + " (" + c.reason() + ")";
    }

    /** {@code "JDK"} or {@code "OpenSSL"}. */
    public String providerName() {
        return choice.name();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
