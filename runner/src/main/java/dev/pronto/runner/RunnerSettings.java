package dev.pronto.runner;

import dev.pronto.container.ServerConfig;
import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.response.compression.Compression;
import dev.pronto.servlet.worker.RequestExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The builders the flags of {@link RunnerFlags} write into while the command line is read; {@link #options()}
 * builds them, which checks every value with the builders' own rules. Not thread-safe; one per parse.
 */
final class RunnerSettings {

    final List<Path> wars = new ArrayList<>();
    final ServerConfig.Builder server = ServerConfig.builder();
    RequestExecutor.Kind executorKind = RequestExecutor.Kind.AUTO;
    int maxConcurrency;
    final TlsFlags tls = new TlsFlags();
    final AccessLogConfig.Builder accessLog = AccessLogConfig.builder();
    boolean accessLogOn;
    boolean compressionOn;
    List<String> compressionMimeTypes = Compression.DEFAULT_MIME_TYPES;
    int compressionMinResponseSize = Compression.DEFAULT_MIN_RESPONSE_SIZE;
    List<String> compressionExcludedUserAgents = List.of();
    Path users;
    String sessionStore;
    List<String> trustedProxies = List.of();
    boolean persistentSessions;
    Path sessionStoreDir;
    Boolean jspDevelopment;
    boolean jspPrecompile;
    Path workDirectory;

    /** Builds and checks everything; a bad value throws {@link IllegalArgumentException} naming the builder's setting. */
    RunnerOptions options() {
        server.tls(tls.build());
        ServerConfig config = server.build();
        RequestExecutor.checkAvailable(executorKind);
        AccessLogConfig log = accessLogOn ? accessLog.build() : null;
        Compression compression = compressionOn
                ? Compression.of(compressionMimeTypes, compressionMinResponseSize, compressionExcludedUserAgents)
                : null;
        WebAppOptions apps = new WebAppOptions(users, sessionStore, trustedProxies, compression, persistentSessions,
                sessionStoreDir, jspDevelopment, jspPrecompile);
        return new RunnerOptions(List.copyOf(wars), config, executorKind, maxConcurrency, log, apps, workDirectory);
    }
}
