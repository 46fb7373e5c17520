package dev.pronto.spring.boot;

import dev.pronto.container.ServerConfig;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.servlet.accesslog.AccessLogConfig;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.dispatch.RequestExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletContextInitializers;
import org.springframework.boot.web.server.servlet.ServletWebServerSettings;
import org.springframework.boot.web.servlet.ServletContextInitializer;
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

    private final ServletWebServerSettings settings = new ServletWebServerSettings();
    private final List<Consumer<ServerConfig.Builder>> serverCustomizers = new ArrayList<>();
    private final List<Consumer<WebAppBuilder>> webAppCustomizers = new ArrayList<>();
    private RequestExecutor.Kind executorKind = RequestExecutor.Kind.AUTO;
    private int maxConcurrency;
    private int maxHttpRequestHeaderSize = -1;
    private boolean useForwardHeaders;
    private boolean useRelativeRedirects;
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
        lastServer = server;
        ProntoWebServer webServer = new ProntoWebServer(server, getPort() >= 0, getShutdown() == Shutdown.GRACEFUL);
        webServer.initialize();
        for (WebApplication app : server.applications()) {
            webApp.sessionTimeoutSeconds(app);
        }
        return webServer;
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
        serverCustomizers.forEach(customizer -> customizer.accept(config));
    }
}
