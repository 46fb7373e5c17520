package dev.pronto.runner;

import static dev.pronto.runner.FlagValues.bool;
import static dev.pronto.runner.FlagValues.choice;
import static dev.pronto.runner.FlagValues.choices;
import static dev.pronto.runner.FlagValues.duration;
import static dev.pronto.runner.FlagValues.intSize;
import static dev.pronto.runner.FlagValues.integer;
import static dev.pronto.runner.FlagValues.list;
import static dev.pronto.runner.FlagValues.path;
import static dev.pronto.runner.FlagValues.secret;
import static dev.pronto.runner.FlagValues.size;
import static dev.pronto.runner.RunnerFlag.of;
import static dev.pronto.runner.RunnerFlag.onOff;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.Transport;
import dev.pronto.container.transport.TransportSupport;
import dev.pronto.servlet.accesslog.AccessLogPattern;
import dev.pronto.servlet.worker.RequestExecutor;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's flags: one table, each row a flag mapped 1:1 to a builder setting and named after the Spring Boot
 * property of the same meaning ({@code server.pronto.idle-timeout} → {@code --idle-timeout},
 * {@code server.ssl.key-store} → {@code --ssl-key-store}); the usage text is generated from it. Immutable.
 */
final class RunnerFlags {

    /** A titled group of flags, for the usage text. */
    record Section(String title, List<RunnerFlag> flags) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("Server", List.of(
                    of("--port", "N", "ServerConfig.port", "server.port",
                            "port to listen on (HTTPS with --ssl-*); 0 picks a free one; default 8080",
                            (s, v) -> s.server.port(integer(v))),
                    of("--address", "HOST", "ServerConfig.host", "server.address", "address to bind; default all",
                            (s, v) -> s.server.host(v)),
                    of("--http-port", "N", "ServerConfig.httpPort", "server.pronto.http-port",
                            "with TLS, a cleartext HTTP port next to the HTTPS one",
                            (s, v) -> s.server.httpPort(integer(v))),
                    onOff("--http2", "ServerConfig.http2(true)", "server.http2.enabled",
                            "HTTP/2: h2 by ALPN with TLS, h2c with prior knowledge without",
                            s -> s.server.http2(true)),
                    of("--threads", "N", "ServerConfig.ioThreads", "server.pronto.io-threads",
                            "I/O event loops; default the processors", (s, v) -> s.server.ioThreads(integer(v))),
                    of("--transport", choices(Transport.class), "ServerConfig.transport", "server.pronto.transport",
                            "socket transport; auto is epoll where it loads, else NIO",
                            (s, v) -> s.server.transport(transport(v))),
                    of("--executor-kind", choices(RequestExecutor.Kind.class), "executor(kind, _)",
                            "server.pronto.executor.kind",
                            "threads of blocking servlets: auto = virtual on Java 21+, else a platform pool",
                            (s, v) -> s.executorKind = choice(RequestExecutor.Kind.class, v)),
                    of("--executor-max-concurrency", "N", "executor(_, maxConcurrency)",
                            "server.pronto.executor.max-concurrency",
                            "requests running at once (default 10000 virtual, 200 platform)",
                            (s, v) -> s.maxConcurrency = integer(v)),
                    of("--max-connections", "N", "ServerConfig.maxConnections", "server.pronto.max-connections",
                            "open connections; more are closed at once", (s, v) -> s.server.maxConnections(integer(v))),
                    of("--max-pipelined", "N", "ServerConfig.maxPipelined", "server.pronto.max-pipelined",
                            "requests in flight per connection", (s, v) -> s.server.maxPipelined(integer(v))),
                    of("--idle-timeout", "DURATION", "ServerConfig.idleTimeout", "server.pronto.idle-timeout",
                            "idle keep-alive connections close (e.g. 60s)",
                            (s, v) -> s.server.idleTimeout(duration(v))),
                    of("--head-timeout", "DURATION", "ServerConfig.headTimeout", "server.pronto.head-timeout",
                            "a started request head must arrive within it (408)",
                            (s, v) -> s.server.headTimeout(duration(v))),
                    of("--blocking-timeout", "DURATION", "ServerConfig.blockingTimeout",
                            "server.pronto.blocking-timeout", "longest a blocking read or write waits for the client",
                            (s, v) -> s.server.blockingTimeout(duration(v))),
                    of("--max-body-size", "SIZE", "ServerConfig.maxBodySize", "server.pronto.max-body-size",
                            "largest request body (413); -1 no limit", (s, v) -> s.server.maxBodySize(size(v))),
                    of("--max-form-size", "SIZE", "ServerConfig.maxFormSize", "server.pronto.max-form-size",
                            "largest form body parsed into parameters (413); -1 no limit",
                            (s, v) -> s.server.maxFormSize(size(v))),
                    of("--max-http-request-header-size", "SIZE", "ServerConfig.maxHeaderSize",
                            "server.max-http-request-header-size", "largest request head (431)",
                            (s, v) -> s.server.maxHeaderSize(intSize(v))),
                    of("--max-uri-length", "N", "ServerConfig.maxUriLength", "server.pronto.max-uri-length",
                            "longest request-target (414)", (s, v) -> s.server.maxUriLength(integer(v))),
                    of("--server-header", "TEXT", "ServerConfig.serverHeader", "server.server-header",
                            "the Server header; empty sends none", (s, v) -> s.server.serverHeader(v)),
                    onOff("--allow-trace", "ServerConfig.allowTrace", "server.pronto.allow-trace",
                            "let TRACE reach the applications", s -> s.server.allowTrace(true)),
                    of("--work-dir", "DIR", "ProntoServer.Builder.workDirectory", null,
                            "where WARs are unpacked, kept; default a directory of this run, removed at stop",
                            (s, v) -> s.workDirectory = path(v)))),
            new Section("TLS (any --ssl-* turns it on: --port is then HTTPS)", List.of(
                    of("--ssl-key-store", "FILE", "TlsKeyMaterial.keyStore", "server.ssl.key-store",
                            "the server's key and certificate, PKCS12 or JKS", (s, v) -> tls(s).keyStore = path(v)),
                    of("--ssl-key-store-type", "PKCS12|JKS", "TlsKeyMaterial.keyStore(type)",
                            "server.ssl.key-store-type", "default PKCS12", (s, v) -> tls(s).keyStoreType = v),
                    of("--ssl-key-store-password", "PW", "TlsKeyMaterial.keyStore(storePassword)",
                            "server.ssl.key-store-password", "env:NAME reads it from the environment",
                            (s, v) -> tls(s).keyStorePassword = secret(v)),
                    of("--ssl-key-alias", "ALIAS", "TlsKeyMaterial.keyStore(alias)", "server.ssl.key-alias",
                            "default the first key entry", (s, v) -> tls(s).keyAlias = v),
                    of("--ssl-key-password", "PW", "TlsKeyMaterial.keyStore(keyPassword)", "server.ssl.key-password",
                            "default the store's; also the PEM key's", (s, v) -> tls(s).keyPassword = secret(v)),
                    of("--ssl-certificate", "FILE", "TlsKeyMaterial.pem(certificateChain)", "server.ssl.certificate",
                            "PEM certificate chain, leaf first", (s, v) -> tls(s).certificate = path(v)),
                    of("--ssl-certificate-private-key", "FILE", "TlsKeyMaterial.pem(privateKey)",
                            "server.ssl.certificate-private-key", "PEM private key (PKCS#8 or PKCS#1)",
                            (s, v) -> tls(s).certificateKey = path(v)),
                    of("--ssl-client-auth", choices(TlsConfig.ClientAuth.class), "TlsConfig.clientAuth",
                            "server.ssl.client-auth", "ask for (want) or require (need) a client certificate",
                            (s, v) -> tls(s).config.clientAuth(choice(TlsConfig.ClientAuth.class, v))),
                    of("--ssl-trust-store", "FILE", "TlsTrustMaterial.trustStore", "server.ssl.trust-store",
                            "certificates client certificates are checked against; default the JDK's",
                            (s, v) -> tls(s).trustStore = path(v)),
                    of("--ssl-trust-store-type", "PKCS12|JKS", "TlsTrustMaterial.trustStore(type)",
                            "server.ssl.trust-store-type", "default PKCS12", (s, v) -> tls(s).trustStoreType = v),
                    of("--ssl-trust-store-password", "PW", "TlsTrustMaterial.trustStore(password)",
                            "server.ssl.trust-store-password", "env:NAME reads it from the environment",
                            (s, v) -> tls(s).trustStorePassword = secret(v)),
                    of("--ssl-trust-certificate", "FILE", "TlsTrustMaterial.pem", "server.ssl.trust-certificate",
                            "trusted certificates as PEM", (s, v) -> tls(s).trustCertificate = path(v)),
                    of("--ssl-enabled-protocols", "LIST", "TlsConfig.protocols", "server.ssl.enabled-protocols",
                            "e.g. TLSv1.3,TLSv1.2", (s, v) -> tls(s).config.protocols(list(v))),
                    of("--ssl-ciphers", "LIST", "TlsConfig.ciphers", "server.ssl.ciphers",
                            "cipher suites in order of preference", (s, v) -> tls(s).config.ciphers(list(v))),
                    of("--ssl-provider", choices(TlsConfig.Provider.class), "TlsConfig.provider",
                            "server.pronto.ssl.provider", "auto = OpenSSL when netty-tcnative loads, else the JDK",
                            (s, v) -> tls(s).config.provider(choice(TlsConfig.Provider.class, v))),
                    of("--ssl-handshake-timeout", "DURATION", "TlsConfig.handshakeTimeout",
                            "server.pronto.ssl.handshake-timeout", "unfinished handshakes are closed",
                            (s, v) -> tls(s).config.handshakeTimeout(duration(v))))),
            new Section("Access log (any --accesslog-* turns it on)", List.of(
                    onOff("--accesslog", "ProntoServer.Builder.accessLog", "server.pronto.accesslog.enabled",
                            "write an access log (logs/access_log.<date>.log, common format)", RunnerFlags::accessLog),
                    of("--accesslog-pattern", "PATTERN", "AccessLogConfig.pattern", "server.pronto.accesslog.pattern",
                            "common, combined, or %h %t \"%r\" %s %b ...",
                            (s, v) -> accessLog(s).accessLog.pattern(pattern(v))),
                    of("--accesslog-directory", "DIR", "AccessLogConfig.directory",
                            "server.pronto.accesslog.directory", "where the files go",
                            (s, v) -> accessLog(s).accessLog.directory(path(v))),
                    of("--accesslog-prefix", "TEXT", "AccessLogConfig.prefix", "server.pronto.accesslog.prefix",
                            "file name before the date", (s, v) -> accessLog(s).accessLog.prefix(v)),
                    of("--accesslog-suffix", "TEXT", "AccessLogConfig.suffix", "server.pronto.accesslog.suffix",
                            "file name after the date", (s, v) -> accessLog(s).accessLog.suffix(v)),
                    of("--accesslog-file-date-format", "FORMAT", "AccessLogConfig.fileDateFormat",
                            "server.pronto.accesslog.file-date-format", "the date in the name",
                            (s, v) -> accessLog(s).accessLog.fileDateFormat(v)),
                    of("--accesslog-rotate", "true|false", "AccessLogConfig.rotate", "server.pronto.accesslog.rotate",
                            "a new file each day", (s, v) -> accessLog(s).accessLog.rotate(bool(v))),
                    of("--accesslog-max-days", "N", "AccessLogConfig.maxDays", "server.pronto.accesslog.max-days",
                            "delete rotated files older than this; -1 keeps all",
                            (s, v) -> accessLog(s).accessLog.maxDays(integer(v))),
                    of("--accesslog-buffered", "true|false", "AccessLogConfig.buffered",
                            "server.pronto.accesslog.buffered", "flush when the queue runs empty, not per line",
                            (s, v) -> accessLog(s).accessLog.buffered(bool(v))),
                    of("--accesslog-encoding", "CHARSET", "AccessLogConfig.encoding",
                            "server.pronto.accesslog.encoding", "file encoding",
                            (s, v) -> accessLog(s).accessLog.encoding(charset(v))),
                    of("--accesslog-logger", "NAME", "AccessLogConfig.loggerName", "server.pronto.accesslog.logger",
                            "send lines to this SLF4J logger instead of files",
                            (s, v) -> accessLog(s).accessLog.loggerName(v)),
                    of("--accesslog-queue-size", "N", "AccessLogConfig.queueSize",
                            "server.pronto.accesslog.queue-size", "lines waiting before more are dropped",
                            (s, v) -> accessLog(s).accessLog.queueSize(integer(v))))),
            new Section("Compression (any --compression-* turns it on)", List.of(
                    onOff("--compression", "Compression.install", "server.compression.enabled",
                            "gzip responses of the usual text types from 2KB", RunnerFlags::compression),
                    of("--compression-mime-types", "LIST", "Compression.mimeTypes",
                            "server.compression.mime-types", "media types to compress",
                            (s, v) -> compression(s).compressionMimeTypes = list(v)),
                    of("--compression-min-response-size", "SIZE", "Compression.minResponseSize",
                            "server.compression.min-response-size", "smaller bodies are sent as they are",
                            (s, v) -> compression(s).compressionMinResponseSize = intSize(v)),
                    of("--compression-excluded-user-agents", "LIST", "Compression.excludedUserAgents",
                            "server.compression.excluded-user-agents", "regular expressions of user agents to spare",
                            (s, v) -> compression(s).compressionExcludedUserAgents = list(v)))),
            new Section("Applications (every deployed WAR)", List.of(
                    of("--users", "FILE", "WebAppBuilder.realm(UserFileRealm.load)", null,
                            "users and roles for the security constraints", (s, v) -> s.users = path(v)),
                    of("--session-store", "memory|redis://host:port", "WebAppBuilder.sessionStore",
                            "server.pronto.session.store", "where sessions live; redis shares them",
                            (s, v) -> s.sessionStore = v),
                    onOff("--session-persistent", "WebAppBuilder.persistentSessions",
                            "server.servlet.session.persistent", "keep sessions across a restart",
                            s -> s.persistentSessions = true),
                    of("--session-store-dir", "DIR", "WebAppBuilder.persistentSessionsUnder",
                            "server.servlet.session.store-dir",
                            "where persistent sessions go (DIR/<context>); implies --session-persistent",
                            (s, v) -> {
                                s.persistentSessions = true;
                                s.sessionStoreDir = path(v);
                            }),
                    of("--trusted-proxies", "LIST", "WebAppBuilder.forwardedHeaders", null,
                            "addresses or CIDR blocks whose Forwarded/X-Forwarded-* are applied",
                            (s, v) -> s.trustedProxies = list(v)),
                    of("--jsp-development", "true|false", "JspSettings.initParameter(development)",
                            "server.servlet.jsp.init-parameters.development",
                            "recompile changed pages (Jasper's default true)",
                            (s, v) -> s.jspDevelopment = bool(v)),
                    onOff("--jsp-precompile", "JspSettings.precompile", "server.pronto.jsp.precompile",
                            "compile every JSP page at start; a page that does not compile fails the deployment",
                            s -> s.jspPrecompile = true))));

    private static final Map<String, RunnerFlag> BY_NAME = byName();

    private RunnerFlags() {
    }

    /** The flag called {@code name}, or {@code null}. */
    static RunnerFlag find(String name) {
        return BY_NAME.get(name);
    }

    /** The usage text: the command, then each section's flags with their values and help. */
    static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar pronto-runner.jar app.war [other.war ...] [flags]\n");
        for (Section section : SECTIONS) {
            text.append('\n').append(section.title()).append(":\n");
            for (RunnerFlag flag : section.flags()) {
                String left = flag.isSwitch() ? flag.name() : flag.name() + " " + flag.value();
                text.append("  ").append(left).append(" ".repeat(Math.max(1, 46 - left.length())))
                        .append(flag.help()).append('\n');
            }
        }
        return text.toString();
    }

    private static Map<String, RunnerFlag> byName() {
        Map<String, RunnerFlag> flags = new LinkedHashMap<>();
        for (Section section : SECTIONS) {
            for (RunnerFlag flag : section.flags()) {
                if (flags.put(flag.name(), flag) != null) {
                    throw new IllegalStateException("two flags named " + flag.name());
                }
            }
        }
        return flags;
    }

    private static Transport transport(String value) {
        Transport transport = choice(Transport.class, value);
        try {
            TransportSupport.choose(transport); // a native transport that does not load here: say why now
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return transport;
    }

    /** Checked now, as Boot's binding does, so that an unknown code names this flag. */
    private static String pattern(String value) {
        AccessLogPattern.parse(value);
        return value;
    }

    private static Charset charset(String value) {
        try {
            return Charset.forName(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a character set");
        }
    }

    private static TlsFlags tls(RunnerSettings settings) {
        settings.tls.used = true;
        return settings.tls;
    }

    private static RunnerSettings accessLog(RunnerSettings settings) {
        settings.accessLogOn = true;
        return settings;
    }

    private static RunnerSettings compression(RunnerSettings settings) {
        settings.compressionOn = true;
        return settings;
    }

    /** The names of every flag, for tests. */
    static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }
}
