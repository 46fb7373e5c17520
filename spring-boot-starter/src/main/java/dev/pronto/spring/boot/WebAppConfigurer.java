package dev.pronto.spring.boot;

import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.jsp.JspSettings;
import dev.pronto.servlet.session.SessionStores;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.response.compression.Compression;
import java.io.File;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.server.servlet.DocumentRoot;
import org.springframework.boot.web.server.servlet.Jsp;
import org.springframework.boot.web.server.servlet.ServletContextInitializers;
import org.springframework.boot.web.server.servlet.ServletWebServerSettings;
import org.springframework.boot.web.server.servlet.Session;

/**
 * Describes the one web application of a Boot app to Pronto's {@link WebAppBuilder}: context path, initializers,
 * listeners, MIME types, locale charsets, error pages, session timeout and SameSite, compression and resources.
 * Used once, on the thread that calls {@code getWebServer()}.
 */
final class WebAppConfigurer {

    private final ProntoServletWebServerFactory factory;
    private final ServletWebServerSettings settings;

    WebAppConfigurer(ProntoServletWebServerFactory factory) {
        this.factory = factory;
        this.settings = factory.getSettings();
    }

    /**
     * {@code server.servlet.jsp.*}: as with Boot's Tomcat, the JSP servlet ({@code class-name}, default Jasper's) is
     * registered when {@code registered} (default true) and the class is on the class path (Jasper from
     * {@code tomcat-embed-jasper} or {@code pronto-jsp}), with {@code init-parameters} (Boot's default:
     * {@code development=false}); {@code server.pronto.jsp.precompile} compiles every page at start.
     */
    private void configureJsp(WebAppBuilder app) {
        Jsp jsp = settings.getJsp();
        app.jsp(jsp == null ? JspSettings.defaults().precompile(factory.isJspPrecompile())
                : new JspSettings(jsp.getRegistered(), jsp.getClassName(), jsp.getInitParameters(), null,
                        factory.isJspPrecompile()));
    }

    void configure(WebAppBuilder app, ServletContextInitializers initializers, ClassLoader classLoader) {
        app.contextPath(settings.getContextPath().toString())
                .displayName(settings.getDisplayName())
                .classLoader(classLoader)
                .discoverInitializers(false); // Boot: embedded containers do not run classpath initializers
        configureCompression(app);
        Session session = settings.getSession();
        Cookie.SameSite sessionSameSite = session == null ? null : session.getCookie().getSameSite();
        List<CookieSameSiteSupplier> sameSiteSuppliers = new ArrayList<>(settings.getCookieSameSiteSuppliers());
        factory.firstInitializers().forEach(app::initializer);
        app.initializer(new BootInitializers(initializers, sameSiteSuppliers, sessionSameSite));
        for (String listener : settings.getWebListenerClassNames()) {
            app.configure(web -> web.addListener(declaredListener(web, listener)));
        }
        for (MimeMappings.Mapping mapping : settings.getMimeMappings()) {
            app.mimeType(mapping.getExtension(), mapping.getMimeType());
        }
        for (Map.Entry<Locale, Charset> e : settings.getLocaleCharsetMappings().entrySet()) {
            app.localeCharset(e.getKey().toString(), e.getValue().name());
        }
        configureErrorPages(app);
        if (session != null && session.getTrackingModes() != null && !session.getTrackingModes().isEmpty()) {
            java.util.Set<jakarta.servlet.SessionTrackingMode> modes = java.util.EnumSet.noneOf(
                    jakarta.servlet.SessionTrackingMode.class);
            session.getTrackingModes().forEach(m -> modes.add(jakarta.servlet.SessionTrackingMode.valueOf(m.name())));
            app.configure(web -> web.context().setSessionTrackingModes(modes));
        }
        if (session != null && session.isPersistent()) {
            // Boot's rule: server.servlet.session.store-dir, else a "servlet-sessions" directory in its temp dir
            app.persistentSessions(session.getSessionStoreDirectory().getValidDirectory(true).toPath());
        }
        if (factory.getSessionStoreUri() != null) {
            // server.pronto.session.store=redis: found by its URI scheme (pronto-session-redis on the class path)
            app.sessionStore(SessionStores.create(factory.getSessionStoreUri(), classLoader));
        }
        if (session != null && session.getTimeout() != null) {
            app.configure(web -> web.context().setSessionTimeout(timeoutMinutes(session.getTimeout())));
        }
        configureResources(app);
        configureJsp(app);
        // Boot's default is no container default servlet: Spring MVC serves static resources itself.
        app.defaultServlet(settings.isRegisterDefaultServlet());
        app.useRelativeRedirects(factory.isUseRelativeRedirects());
        if (factory.isUseForwardHeaders()) {
            // forward-headers-strategy=native: trust the proxies Tomcat's RemoteIpValve trusts by default
            app.forwardedHeaders(ForwardedHeaders.trustingPrivateNetworks());
        }
        factory.webAppCustomizers().forEach(customizer -> customizer.accept(app));
    }

    /**
     * Servlet contexts count session timeouts in minutes: like Tomcat, a positive timeout is at least one minute,
     * zero or negative means never; {@link #sessionTimeoutSeconds} then sets the exact value.
     */
    static int timeoutMinutes(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        return (int) Math.max(timeout.toMinutes(), 1);
    }

    /** Sets the exact session timeout on the initialised application when the context still has ours. */
    void sessionTimeoutSeconds(WebApplication app) {
        Session session = settings.getSession();
        if (session == null || session.getTimeout() == null) {
            return;
        }
        Duration timeout = session.getTimeout();
        if (app.context().getSessionTimeout() == timeoutMinutes(timeout) && timeoutMinutes(timeout) > 0) {
            app.sessions().setDefaultMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        }
    }

    private void configureCompression(WebAppBuilder app) {
        org.springframework.boot.web.server.Compression compression = factory.getCompression();
        if (compression == null || !compression.getEnabled()) {
            return;
        }
        String[] excluded = compression.getExcludedUserAgents();
        Compression pronto = Compression.of(Arrays.asList(compression.getAllMimeTypes()),
                (int) Math.min(Integer.MAX_VALUE, compression.getMinResponseSize().toBytes()),
                excluded == null ? List.of() : Arrays.asList(excluded));
        app.configure(web -> pronto.install(web.context()));
    }

    private void configureErrorPages(WebAppBuilder app) {
        for (ErrorPage page : factory.getErrorPages()) {
            if (page.isGlobal()) {
                app.errorPage(page.getPath());
            } else if (page.getException() != null) {
                app.errorPage(page.getException(), page.getPath());
            } else {
                app.errorPage(page.getStatusCode(), page.getPath());
            }
        }
    }

    /** {@code ServletContext.getResource}: the document root (e.g. src/main/webapp), then META-INF/resources. */
    private void configureResources(WebAppBuilder app) {
        DocumentRoot documentRoot = new DocumentRoot(LogFactory.getLog(ProntoServletWebServerFactory.class));
        documentRoot.setDirectory(settings.getDocumentRoot());
        File root = documentRoot.getValidDirectory();
        if (root != null) {
            app.resources(root.toPath());
        }
        app.classpathResources("META-INF/resources");
    }

    /** A {@code @WebListener} found by {@code @ServletComponentScan}: declared, so it keeps full rights (§4.4). */
    private static java.util.EventListener declaredListener(dev.pronto.servlet.context.WebApplication web,
                                                            String className) {
        try {
            Class<? extends java.util.EventListener> type = Class.forName(className, true, web.classLoader())
                    .asSubclass(java.util.EventListener.class);
            return web.context().createListener(type);
        } catch (ClassNotFoundException | jakarta.servlet.ServletException e) {
            throw new IllegalArgumentException("Cannot create the web listener " + className, e);
        }
    }
}
