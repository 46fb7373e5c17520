package dev.pronto.servlet;

import dev.pronto.servlet.context.AnnotationConfigurer;
import dev.pronto.servlet.context.ClassScanner;
import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.context.WebApplication;
import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.jsp.JspEngine;
import dev.pronto.servlet.jsp.JspSettings;
import dev.pronto.servlet.resource.ResourceBase;
import dev.pronto.servlet.security.LoginConfig;
import dev.pronto.servlet.security.LoginRateLimiter;
import dev.pronto.servlet.security.Realm;
import dev.pronto.servlet.security.SecurityConstraint;
import dev.pronto.servlet.session.SessionStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Describes one web application: what a {@code web.xml} would declare, as a fluent builder with defaults (root
 * context, 8 KiB buffers, 30-minute sessions, {@code JSESSIONID}, 30-second async timeout, initializers discovered
 * with ServiceLoader). Not thread-safe; used once, by {@link ProntoServer.Builder#webapp}.
 */
public final class WebAppBuilder {

    private String contextPath = "";
    private String displayName;
    private ClassLoader classLoader;
    private boolean discoverInitializers = true;
    private JspSettings jsp = JspSettings.defaults();
    private final Set<Class<?>> annotated = new LinkedHashSet<>();
    private final List<String> scannedPackages = new ArrayList<>();
    private final List<ResourceBase> resources = new ArrayList<>();
    private final List<Consumer<WebApplication>> steps = new ArrayList<>();
    private int servletCount;
    private int filterCount;
    private final java.util.function.Supplier<Path> workDirectory;

    WebAppBuilder(java.util.function.Supplier<Path> workDirectory) {
        this.workDirectory = workDirectory;
    }

    /**
     * The server's work directory, where a deployer unpacks WARs: {@link ProntoServer.Builder#workDirectory}, or a
     * directory of the server's own under {@code java.io.tmpdir}, made now and deleted when the server is destroyed.
     */
    public Path workDirectory() {
        return workDirectory.get();
    }

    /** The context path: {@code ""} (default) for the root, else like {@code /shop}. */
    public WebAppBuilder contextPath(String contextPath) {
        this.contextPath = contextPath;
        return this;
    }

    public WebAppBuilder displayName(String displayName) {
        this.displayName = displayName;
        return this;
    }

    public WebAppBuilder classLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
        return this;
    }

    // ---- components -------------------------------------------------------------------------------------------

    /** Maps {@code servlet} to {@code urlPatterns}; it runs on a worker thread (it may block). */
    public WebAppBuilder servlet(String urlPattern, Servlet servlet) {
        return servlet(defaultName(servlet.getClass(), ++servletCount), servlet, reg -> reg.addMapping(urlPattern));
    }

    /** Maps a servlet class (instantiated by the container) to a URL pattern. */
    public WebAppBuilder servlet(String urlPattern, Class<? extends Servlet> type) {
        String name = defaultName(type, ++servletCount);
        steps.add(app -> app.context().addServlet(name, type).addMapping(urlPattern));
        return this;
    }

    /**
     * Maps a servlet declared non-blocking: it runs inline on the event loop and must never block (no blocking
     * I/O, locks or sleeps). Same as the init parameter {@value ServletHolder#NON_BLOCKING_PARAM}{@code =true}.
     */
    public WebAppBuilder nonBlockingServlet(String urlPattern, Servlet servlet) {
        return servlet(defaultName(servlet.getClass(), ++servletCount), servlet, reg -> {
            reg.addMapping(urlPattern);
            ((ServletHolder) reg).setNonBlocking(true);
        });
    }

    /**
     * Registers a servlet with full control over its registration (mappings, init parameters, multipart …). The
     * builder declares the servlet like a descriptor would, so its class's {@code @ServletSecurity} applies (unlike
     * {@code ServletContext.addServlet(String, Servlet)}, Servlet 6.1 §13.4.1).
     */
    public WebAppBuilder servlet(String name, Servlet servlet, Consumer<ServletRegistration.Dynamic> registration) {
        Objects.requireNonNull(servlet, "servlet");
        steps.add(app -> registration.accept(app.addServlet(name, servlet, null)));
        return this;
    }

    /** Maps {@code filter} to {@code urlPattern} for REQUEST dispatches. */
    public WebAppBuilder filter(String urlPattern, Filter filter) {
        return filter(defaultName(filter.getClass(), ++filterCount), filter,
                reg -> reg.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, urlPattern));
    }

    public WebAppBuilder filter(String name, Filter filter, Consumer<FilterRegistration.Dynamic> registration) {
        steps.add(app -> registration.accept(app.context().addFilter(name, filter)));
        return this;
    }

    public WebAppBuilder listener(EventListener listener) {
        steps.add(app -> app.addListener(listener)); // declared: full rights (§4.4)
        return this;
    }

    /** A container initializer run at start with the classes it handles (from {@link #annotated}/{@link #scan}). */
    public WebAppBuilder initializer(ServletContainerInitializer initializer) {
        steps.add(app -> app.addInitializer(initializer,
                AnnotationConfigurer.handledTypes(initializer, candidates(app))));
        return this;
    }

    /** Whether to run the initializers found with {@code ServiceLoader} (default true). */
    public WebAppBuilder discoverInitializers(boolean discover) {
        this.discoverInitializers = discover;
        return this;
    }

    /** Classes whose {@code @WebServlet}/{@code @WebFilter}/{@code @WebListener} are applied. */
    public WebAppBuilder annotated(Class<?>... classes) {
        annotated.addAll(List.of(classes));
        return this;
    }

    /** Packages scanned for annotated classes (explicit: nothing else is scanned). */
    public WebAppBuilder scan(String... packages) {
        scannedPackages.addAll(List.of(packages));
        return this;
    }

    private Set<Class<?>> candidates(WebApplication app) {
        Set<Class<?>> all = new LinkedHashSet<>(annotated);
        if (!scannedPackages.isEmpty()) {
            all.addAll(ClassScanner.scan(app.classLoader(), scannedPackages.toArray(new String[0])));
        }
        return all;
    }

    // ---- context settings ------------------------------------------------------------------------------------------

    public WebAppBuilder initParameter(String name, String value) {
        steps.add(app -> app.context().setInitParameter(name, value));
        return this;
    }

    /** Serves resources from a directory (searched before classpath bases added after it). */
    public WebAppBuilder resources(Path directory) {
        resources.add(ResourceBase.directory(directory));
        return this;
    }

    /** Serves resources from a classpath prefix, e.g. {@code META-INF/resources} or {@code static}. */
    public WebAppBuilder classpathResources(String prefix) {
        resources.add(new LazyClasspathBase(prefix));
        return this;
    }

    /**
     * Serves resources from the classpath locations Spring Boot uses, in this order: {@code META-INF/resources},
     * {@code static}, {@code public} (after any base added before this call).
     */
    public WebAppBuilder classpathStaticResources() {
        return classpathResources("META-INF/resources").classpathResources("static").classpathResources("public");
    }

    /**
     * Whether an application with resources gets the default servlet (default true): named "default", mapped to
     * "/" unless the application maps "/" itself, serving the resources.
     */
    public WebAppBuilder defaultServlet(boolean enabled) {
        steps.add(app -> app.installDefaultServlet(enabled));
        return this;
    }

    /** The welcome files the default servlet tries for a directory request, in order (default {@code index.html}). */
    public WebAppBuilder welcomeFiles(String... files) {
        List<String> list = List.of(files);
        steps.add(app -> app.welcomeFiles(list));
        return this;
    }

    /**
     * Trusts {@code Forwarded} and {@code X-Forwarded-*} headers from these proxies (off by default), so that the
     * request's scheme, host, port and remote address are the client's, e.g.
     * {@code forwardedHeaders(ForwardedHeaders.trusting("10.0.0.0/8"))} or
     * {@code ForwardedHeaders.trustingPrivateNetworks()}.
     */
    public WebAppBuilder forwardedHeaders(ForwardedHeaders trusted) {
        steps.add(app -> app.forwardedHeaders(trusted));
        return this;
    }

    /**
     * Whether {@code sendRedirect} sends a relative {@code Location} (like Tomcat's {@code useRelativeRedirects};
     * default false, as Spring Boot's Tomcat): absolute URLs and {@code //host/x} stay as given, a relative path is
     * resolved against the request URI into {@code /path}; no scheme, host or port is added, so an internal address
     * behind a proxy does not leak. HTTP/1.0 requests still get absolute URLs (RFC 1945 §10.11).
     */
    public WebAppBuilder useRelativeRedirects(boolean relative) {
        steps.add(app -> app.useRelativeRedirects(relative));
        return this;
    }

    public WebAppBuilder mimeType(String extension, String type) {
        steps.add(app -> app.mimeTypes().add(extension, type));
        return this;
    }

    public WebAppBuilder errorPage(int status, String location) {
        steps.add(app -> app.errorPages().add(status, location));
        return this;
    }

    public WebAppBuilder errorPage(Class<? extends Throwable> type, String location) {
        steps.add(app -> app.errorPages().add(type, location));
        return this;
    }

    /** The page for every error without a more specific one (like Spring Boot's {@code /error}). */
    public WebAppBuilder errorPage(String location) {
        steps.add(app -> app.errorPages().addGlobal(location));
        return this;
    }

    public WebAppBuilder sessionTimeout(Duration timeout) {
        steps.add(app -> app.context().setSessionTimeout((int) Math.max(0, timeout.toMinutes())));
        return this;
    }

    public WebAppBuilder sessionCookie(Consumer<SessionCookieConfig> config) {
        steps.add(app -> config.accept(app.sessionCookieConfig()));
        return this;
    }

    public WebAppBuilder sessionStore(SessionStore store) {
        steps.add(app -> app.sessionStore(store));
        return this;
    }

    /**
     * Keeps sessions across a restart, like Tomcat's {@code StandardManager}: on destroy (the end of a graceful
     * stop) the valid sessions and their serializable attributes are written to {@code directory}, and read back
     * when the application starts again (expired ones dropped). {@code null}: in memory only (default).
     */
    public WebAppBuilder persistentSessions(java.nio.file.Path directory) {
        steps.add(app -> app.persistentSessions(directory));
        return this;
    }

    /**
     * {@link #persistentSessions(java.nio.file.Path)} in a directory of this context under
     * {@code java.io.tmpdir}: {@code pronto-sessions/<context name or ROOT>}.
     */
    public WebAppBuilder persistentSessions() {
        return persistentSessionsUnder(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "pronto-sessions"));
    }

    /**
     * {@link #persistentSessions(java.nio.file.Path)} in a directory of this context under {@code parent}:
     * {@code <parent>/<context name or ROOT>}, so that several applications can share one parent.
     */
    public WebAppBuilder persistentSessionsUnder(java.nio.file.Path parent) {
        steps.add(app -> app.persistentSessions(parent.resolve(app.contextPath().isEmpty() ? "ROOT"
                : app.contextPath().substring(1).replaceAll("[^A-Za-z0-9._-]", "_"))));
        return this;
    }

    /** The most sessions held at once; creating one more fails and counts as rejected. {@code -1}: no limit. */
    public WebAppBuilder maxActiveSessions(int max) {
        steps.add(app -> app.maxActiveSessions(max));
        return this;
    }

    public WebAppBuilder requestCharacterEncoding(String encoding) {
        steps.add(app -> app.context().setRequestCharacterEncoding(encoding));
        return this;
    }

    public WebAppBuilder responseCharacterEncoding(String encoding) {
        steps.add(app -> app.context().setResponseCharacterEncoding(encoding));
        return this;
    }

    public WebAppBuilder localeCharset(String locale, String charset) {
        steps.add(app -> app.localeCharset(locale, charset));
        return this;
    }

    /** Default response buffer size in bytes (8 KiB). */
    public WebAppBuilder bufferSize(int bytes) {
        steps.add(app -> app.responseBufferSize(bytes));
        return this;
    }

    /** Default timeout of async requests (30 s); zero or negative: none. Each may change its own with setTimeout. */
    public WebAppBuilder asyncTimeout(Duration timeout) {
        steps.add(app -> app.asyncTimeoutMillis(timeout.toMillis()));
        return this;
    }

    // ---- JSP (with the pronto-jsp module on the class path) ----------------------------------------------------

    /**
     * How the JSP servlet is set up when a JSP engine ({@code pronto-jsp}) is on the class path (default: on, with
     * Jasper's defaults); {@link JspSettings#disabled()} leaves JSP out.
     */
    public WebAppBuilder jsp(JspSettings settings) {
        this.jsp = settings;
        return this;
    }

    /** Changes the JSP settings set so far (e.g. by a WAR deployment), e.g. {@code s -> s.precompile(true)}. */
    public WebAppBuilder jsp(java.util.function.UnaryOperator<JspSettings> change) {
        this.jsp = change.apply(jsp);
        return this;
    }

    /** The {@code jsp-config} (tag libraries, property groups), e.g. a {@code dev.pronto.servlet.jsp.JspConfig}. */
    public WebAppBuilder jspConfig(jakarta.servlet.descriptor.JspConfigDescriptor config) {
        steps.add(app -> app.context().jspConfigDescriptor(config));
        return this;
    }

    // ---- security (Servlet 6.1 §13), shaped like the deployment descriptor's elements ----------------------------

    /**
     * A {@code security-constraint}, e.g. {@code SecurityConstraint.roles(WebResourceCollection.of("/admin/*"),
     * "admin")}; constraints on the same pattern combine as §13.8.1 says.
     */
    public WebAppBuilder securityConstraint(SecurityConstraint constraint) {
        steps.add(app -> app.security().addConstraint(constraint));
        return this;
    }

    /**
     * The {@code login-config}: {@code BASIC}, {@code FORM} (with its login and error pages) or {@code DIGEST};
     * the realm name is sent in challenges.
     */
    public WebAppBuilder loginConfig(String authMethod, String realmName, String formLoginPage, String formErrorPage) {
        LoginConfig config = new LoginConfig(authMethod, realmName, formLoginPage, formErrorPage);
        steps.add(app -> app.security().loginConfig(config));
        return this;
    }

    /** Where users, passwords and roles come from, e.g. an {@code InMemoryRealm} or a {@code UserFileRealm}. */
    public WebAppBuilder realm(Realm realm) {
        steps.add(app -> app.security().realm(realm));
        return this;
    }

    /** {@code security-role} names (as {@code ServletContext.declareRoles}). */
    public WebAppBuilder declareRoles(String... roles) {
        steps.add(app -> app.security().declareRoles(roles));
        return this;
    }

    /** {@code deny-uncovered-http-methods}: a method no constraint names at a constrained pattern gets 403. */
    public WebAppBuilder denyUncoveredHttpMethods(boolean deny) {
        steps.add(app -> app.security().denyUncoveredHttpMethods(deny));
        return this;
    }

    /** A servlet's {@code security-role-ref}: in that servlet {@code isUserInRole(roleName)} tests {@code roleLink}. */
    public WebAppBuilder roleRef(String servletName, String roleName, String roleLink) {
        steps.add(app -> app.security().roleRef(servletName, roleName, roleLink));
        return this;
    }

    /**
     * Failed logins per remote address before it is locked out for {@code lockout} (default 5 and 5 minutes);
     * {@code maxFailures <= 0} turns the limit off.
     */
    public WebAppBuilder loginRateLimit(int maxFailures, Duration lockout) {
        steps.add(app -> app.security().rateLimiter(new LoginRateLimiter(maxFailures, lockout.toSeconds(), 10_000,
                System::nanoTime)));
        return this;
    }

    /** Any other configuration, straight on the application model (used by the Spring Boot starter). */
    public WebAppBuilder configure(Consumer<WebApplication> step) {
        steps.add(step);
        return this;
    }

    // ---- build -------------------------------------------------------------------------------------------------------

    WebApplication build() {
        WebApplication app = new WebApplication(contextPath, displayName, classLoader);
        if (!resources.isEmpty()) {
            List<ResourceBase> bases = new ArrayList<>();
            for (ResourceBase base : resources) {
                bases.add(base instanceof LazyClasspathBase lazy ? lazy.resolve(app.classLoader()) : base);
            }
            app.resources(bases.size() == 1 ? bases.get(0) : ResourceBase.of(bases));
        }
        JspEngine engine = JspEngine.find(jsp, app.classLoader());
        if (engine != null) { // first, so that the application's initializers can call addJspFile
            app.addInitializer(engine.install(app.context(), jsp), Set.of());
        }
        steps.forEach(step -> step.accept(app));
        Set<Class<?>> candidates = candidates(app);
        AnnotationConfigurer.register(app, candidates);
        if (discoverInitializers) {
            AnnotationConfigurer.discoverInitializers(app, candidates);
        }
        return app;
    }

    private static String defaultName(Class<?> type, int n) {
        return type.getName() + (n > 1 ? "-" + n : "");
    }

    /** A classpath base resolved against the application's class loader once it is known. */
    private record LazyClasspathBase(String prefix) implements ResourceBase {
        ResourceBase resolve(ClassLoader loader) {
            return ResourceBase.classpath(loader, prefix);
        }

        @Override
        public java.net.URL resource(String path) {
            throw new IllegalStateException("unresolved");
        }

        @Override
        public Set<String> children(String path) {
            throw new IllegalStateException("unresolved");
        }

        @Override
        public Path file(String path) {
            throw new IllegalStateException("unresolved");
        }
    }
}
