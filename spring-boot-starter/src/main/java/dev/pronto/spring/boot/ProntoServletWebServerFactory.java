package dev.pronto.spring.boot;

import dev.pronto.container.Http2Config;
import dev.pronto.container.ServerConfig;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.worker.RequestExecutor;
import dev.pronto.container.Server;
import dev.pronto.container.TlsConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletContextInitializers;
import org.springframework.boot.web.server.servlet.ServletWebServerSettings;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Spring Boot's {@code ServletWebServerFactory} for Pronto: {@link #getWebServer} builds a {@link ProntoServer}
 * with one web application, runs Boot's initializers in it at once, and returns a {@link ProntoWebServer} that
 * binds on {@code start()}. Configured by Boot's customizers on one thread, then used once per web server.
 */
public class ProntoServletWebServerFactory extends AbstractConfigurableWebServerFactory
        implements ConfigurableServletWebServerFactory, ResourceLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(ProntoServletWebServerFactory.class);

    private final ServletWebServerSettings settings = new ServletWebServerSettings();
    private final List<Consumer<ServerConfig.Builder>> serverCustomizers = new ArrayList<>();
    private final List<Consumer<WebAppBuilder>> webAppCustomizers = new ArrayList<>();
    private final List<jakarta.servlet.ServletContainerInitializer> firstInitializers = new ArrayList<>();
    private RequestExecutor.Kind executorKind = RequestExecutor.Kind.AUTO;
    private int maxConcurrency;
    private int maxHttpRequestHeaderSize = -1;
    private boolean useForwardHeaders;
    private String sessionStoreUri;
    private boolean jspPrecompile;
    private boolean useRelativeRedirects;
    private TlsConfig.Provider tlsProvider = TlsConfig.Provider.AUTO;
    private Duration tlsHandshakeTimeout;
    private int httpPort = -1;
    private Http2Config http2Settings = Http2Config.DISABLED;
    private ResourceLoader resourceLoader;
    private AccessLogConfig accessLog;
    private volatile ProntoServer lastServer;

    public ProntoServletWebServerFactory() {
    }

    public ProntoServletWebServerFactory(int port) {
        super(port);
    }

    public ProntoServletWebServerFactory(String contextPath, int port) {
        super(port);
        setContextPath(contextPath);
    }

    @Override
    public ServletWebServerSettings getSettings() {
        return settings;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    /** Adjusts Pronto's core settings (threads, limits, timeouts …) after Boot's own are applied. */
    public void addServerCustomizers(Consumer<ServerConfig.Builder> customizer) {
        serverCustomizers.add(Objects.requireNonNull(customizer));
    }

    /** Adjusts the web application (extra servlets, filters, resources …) after Boot's settings are applied. */
    public void addWebAppCustomizers(Consumer<WebAppBuilder> customizer) {
        webAppCustomizers.add(Objects.requireNonNull(customizer));
    }

    List<Consumer<WebAppBuilder>> webAppCustomizers() {
        return webAppCustomizers;
    }

    /**
     * A container initializer that runs before Boot's own ({@code ServletContextInitializer} beans), e.g. the
     * WebSocket one, whose {@code ServerContainer} attribute must exist before any application code looks for it.
     */
    public void addInitializerFirst(jakarta.servlet.ServletContainerInitializer initializer) {
        firstInitializers.add(Objects.requireNonNull(initializer));
    }

    List<jakarta.servlet.ServletContainerInitializer> firstInitializers() {
        return firstInitializers;
    }

    /** The threads that run servlet code, and how many requests may run at once ({@code <= 0}: Pronto's default). */
    public void setExecutor(RequestExecutor.Kind kind, int maxConcurrency) {
        this.executorKind = Objects.requireNonNull(kind);
        this.maxConcurrency = maxConcurrency;
    }

    /** The access log ({@code server.pronto.accesslog.*}); {@code null}: off. */
    public void setAccessLog(AccessLogConfig accessLog) {
        this.accessLog = accessLog;
    }

    public AccessLogConfig getAccessLog() {
        return accessLog;
    }

    /** The session store's URI ({@code server.pronto.session.*}, e.g. {@code redis://host:6379}); null: in memory. */
    public void setSessionStoreUri(String sessionStoreUri) {
        this.sessionStoreUri = sessionStoreUri;
    }

    public String getSessionStoreUri() {
        return sessionStoreUri;
    }

    /** Whether every JSP page compiles at start, failing it on a page that does not ({@code server.pronto.jsp.precompile}). */
    public void setJspPrecompile(boolean jspPrecompile) {
        this.jspPrecompile = jspPrecompile;
    }

    public boolean isJspPrecompile() {
        return jspPrecompile;
    }

    /** The server the last {@link #getWebServer} built, for metrics; null before. */
    public ProntoServer lastServer() {
        return lastServer;
    }

    /** Largest request head in bytes (431 beyond); {@code <= 0} keeps Pronto's 8 KiB default. */
    public void setMaxHttpRequestHeaderSize(int bytes) {
        this.maxHttpRequestHeaderSize = bytes;
    }

    /** Whether the container applies Forwarded/X-Forwarded-* from trusted proxies itself (Boot's native strategy). */
    public void setUseForwardHeaders(boolean useForwardHeaders) {
        this.useForwardHeaders = useForwardHeaders;
    }

    public boolean isUseForwardHeaders() {
        return useForwardHeaders;
    }

    /** Whether sendRedirect sends a relative Location (Tomcat's useRelativeRedirects); default false (absolute). */
    public void setUseRelativeRedirects(boolean useRelativeRedirects) {
        this.useRelativeRedirects = useRelativeRedirects;
    }

    public boolean isUseRelativeRedirects() {
        return useRelativeRedirects;
    }

    /** The TLS implementation when {@code server.ssl.*} is set: auto (OpenSSL when it loads), jdk or openssl. */
    public void setTlsProvider(TlsConfig.Provider provider) {
        this.tlsProvider = Objects.requireNonNull(provider);
    }

    /** How long a TLS handshake may take before the connection is closed; null keeps Pronto's 10 s. */
    public void setTlsHandshakeTimeout(Duration timeout) {
        this.tlsHandshakeTimeout = timeout;
    }

    /**
     * HTTP/2 settings ({@code server.pronto.http2.*}); whether HTTP/2 is on at all is Boot's
     * {@code server.http2.enabled} ({@link #setHttp2}).
     */
    public void setHttp2Settings(Http2Config http2Settings) {
        this.http2Settings = http2Settings;
    }

    /** A cleartext HTTP port next to the HTTPS one ({@code server.pronto.http-port}); -1 for none. */
    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    @Override
    public WebServer getWebServer(ServletContextInitializer... initializers) {
        ClassLoader classLoader = resourceLoader != null && resourceLoader.getClassLoader() != null
                ? resourceLoader.getClassLoader() : ClassUtils.getDefaultClassLoader();
        UnsupportedSettings.check(this, classLoader);
        ServletContextInitializers ordered = ServletContextInitializers.from(settings, initializers);
        WebAppConfigurer webApp = new WebAppConfigurer(this);
        ProntoServer server = ProntoServer.builder()
                .config(this::configureServer)
                .executor(executorKind, maxConcurrency)
                .accessLog(accessLog)
                .webapp(app -> webApp.configure(app, ordered, classLoader))
                .build();
        registerSslBundleReload(server);
        lastServer = server;
        ProntoWebServer webServer = new ProntoWebServer(server, getPort() >= 0, getShutdown() == Shutdown.GRACEFUL);
        webServer.initialize();
        for (WebApplication app : server.applications()) {
            webApp.sessionTimeoutSeconds(app);
        }
        return webServer;
    }

    /** Boot's {@code reload-on-update}: when a bundle the server uses changes, new connections get the new keys. */
    private void registerSslBundleReload(ProntoServer server) {
        Ssl ssl = getSsl();
        if (!Ssl.isEnabled(ssl) || getSslBundles() == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (StringUtils.hasText(ssl.getBundle())) {
            names.add(ssl.getBundle());
        }
        ssl.getServerNameBundles().forEach(named -> names.add(named.bundle()));
        for (String name : names) {
            getSslBundles().addBundleUpdateHandler(name, updated -> reloadTls(server, name));
        }
    }

    private void reloadTls(ProntoServer server, String bundleName) {
        Server core = server.coreServer();
        if (core == null) {
            return;
        }
        try {
            core.reloadTls(tlsConfig());
            log.info("TLS reloaded: SSL bundle '{}' was updated", bundleName);
        } catch (IOException | RuntimeException e) {
            log.warn("TLS not reloaded after SSL bundle '{}' was updated, keeping the current keys: {}", bundleName,
                    e.getMessage());
        }
    }

    /** Boot loads the stores (server.ssl.* or the bundle); a failure names the property the user set. */
    private TlsConfig tlsConfig() {
        try {
            return BootTls.map(getSslBundle(), getServerNameSslBundles(), getSsl(), tlsProvider, tlsHandshakeTimeout);
        } catch (UnsupportedSettingException e) {
            throw e;
        } catch (RuntimeException e) {
            List<String> set = BootTls.propertiesSet(getSsl());
            String property = set.isEmpty() ? "server.ssl.enabled" : set.get(0);
            throw new UnsupportedSettingException(property, "cannot load the TLS key material: " + e.getMessage(),
                    "Check " + (set.isEmpty() ? "server.ssl.*" : String.join(", ", set))
                            + ": the files must exist and be readable, the passwords and alias must match.");
        }
    }

    /** Boot's generic settings first, then Pronto's ({@code server.pronto.*} and user customizers). */
    private void configureServer(ServerConfig.Builder config) {
        config.port(Math.max(getPort(), 0)); // -1 (no server) never binds; see ProntoWebServer
        config.host(getAddress() == null ? null : getAddress().getHostAddress());
        // Boot sends no Server header unless server.server-header is set
        config.serverHeader(StringUtils.hasText(getServerHeader()) ? getServerHeader() : null);
        if (maxHttpRequestHeaderSize > 0) {
            config.maxHeaderSize(maxHttpRequestHeaderSize);
        }
        // server.http2.enabled: h2 by ALPN on the HTTPS port, h2c (prior knowledge, Upgrade) on a cleartext one
        config.http2(http2Settings.toBuilder().enabled(getHttp2() != null && getHttp2().isEnabled()).build());
        if (Ssl.isEnabled(getSsl())) {
            config.tls(tlsConfig());
            config.httpPort(httpPort);
        } else if (httpPort != -1) {
            throw new UnsupportedSettingException("server.pronto.http-port",
                    "it is the cleartext port next to the HTTPS one, and TLS is off",
                    "Configure TLS with server.ssl.* (then server.port is the HTTPS port), or remove "
                            + "server.pronto.http-port.");
        }
        serverCustomizers.forEach(customizer -> customizer.accept(config));
    }
}
