package dev.pronto.servlet.context;

import dev.pronto.servlet.forwarded.ForwardedHeaders;
import dev.pronto.servlet.mapping.MappingResult;
import dev.pronto.servlet.mapping.ServletMapper;
import dev.pronto.servlet.resource.DefaultServlet;
import dev.pronto.servlet.resource.MimeTypes;
import dev.pronto.servlet.resource.ResourceBase;
import dev.pronto.servlet.security.SecurityConfiguration;
import dev.pronto.servlet.security.WebSecurity;
import dev.pronto.servlet.session.SessionCookieConfigImpl;
import dev.pronto.servlet.session.SessionManager;
import dev.pronto.servlet.session.SessionStore;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployed web application: its context, registrations, listeners, error pages and life cycle.
 * <pre>
 *   CONFIGURING --initialize()--> INITIALIZED --startServlets()--> STARTED --destroy()--> DESTROYED
 *   (initializers, listeners, filters)        (load-on-startup servlets)
 * </pre>
 * Registration methods are for the configuring thread; once initialised the model is read-only and thread-safe.
 */
public final class WebApplication {

    /** Life-cycle states; registration is allowed only while {@code CONFIGURING}. */
    /**
     * <pre>
     * CONFIGURING --initialize()--> RUNNING_INITIALIZERS --> NOTIFYING_LISTENERS --> INITIALIZED
     *   --startServlets()--> STARTED --destroy()--> DESTROYED
     * </pre>
     * Registration is open until INITIALIZED; a {@code ServletContextListener} may be added programmatically only
     * while the container initializers run (§4.4).
     */
    public enum State { CONFIGURING, RUNNING_INITIALIZERS, NOTIFYING_LISTENERS, INITIALIZED, STARTED, DESTROYED }

    /** Runs a piece of application code that may throw a checked servlet exception. */
    @FunctionalInterface
    public interface AppAction {
        void run() throws ServletException;
    }

    private final Logger log;
    private final String contextPath;
    private final ClassLoader classLoader;
    private final ServletContextImpl context;
    private final Registrations registrations = new Registrations();
    private final FilterMappings filterMappings = new FilterMappings();
    private final Listeners listeners = new Listeners();
    private final ErrorPages errorPages = new ErrorPages();
    private final MimeTypes mimeTypes = MimeTypes.withDefaults();
    private final AppLifecycle lifecycle = new AppLifecycle(this);
    private volatile ResourceBase resources = ResourceBase.NONE;
    private volatile State state = State.CONFIGURING;
    private final AppSessions sessions = new AppSessions();
    private final Map<String, String> localeCharsets = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Function<String, String> localeCharsetLookup = localeCharsets::get;
    private volatile long blockingTimeoutMillis = 60_000;
    private volatile int responseBufferSize = 8192;
    private volatile boolean installDefaultServlet = true;
    private volatile ForwardedHeaders forwardedHeaders;
    private volatile long asyncTimeoutMillis = 30_000;
    private volatile long maxFormSize = dev.pronto.container.ServerConfig.DEFAULT_MAX_FORM_SIZE;
    private volatile boolean allowTrace;
    private volatile boolean useRelativeRedirects;
    private final SecurityConfiguration security = new SecurityConfiguration();
    private volatile WebSecurity webSecurity;
    private volatile List<String> welcomeFiles = List.of("index.html");

    public WebApplication(String contextPath, String displayName, ClassLoader classLoader) {
        this.contextPath = normalizeContextPath(contextPath);
        this.classLoader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        this.log = LoggerFactory.getLogger("dev.pronto.webapp" + (this.contextPath.isEmpty() ? ".ROOT"
                : this.contextPath.replace('/', '.')));
        this.context = new ServletContextImpl(this, displayName);
        this.context.sessionCookieConfig(sessions.cookieConfig());
    }

    /** Servlet 6.1 §3.6: the context path is "" for the root, else starts with '/' and does not end with one. */
    static String normalizeContextPath(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    // ---- configuration ------------------------------------------------------------------------------------

    public void checkConfigurable() {
        if (state.compareTo(State.INITIALIZED) >= 0) {
            throw new IllegalStateException("The servlet context " + displayPath() + " is already initialized");
        }
    }

    /** The new servlet, or null when the name is taken (Servlet 6.1 §4.4.1.1). */
    public ServletHolder addServlet(String name, Servlet instance, Class<? extends Servlet> type) {
        checkConfigurable();
        return registrations.addServlet(this, name, instance, type);
    }

    /** The new filter, or null when the name is taken. */
    public FilterHolder addFilter(String name, Filter instance, Class<? extends Filter> type) {
        checkConfigurable();
        return registrations.addFilter(this, name, instance, type);
    }

    /**
     * Adds a declared listener (descriptor, {@code @WebListener}, the builder): it gets the full context.
     */
    public void addListener(EventListener listener) {
        checkConfigurable();
        listeners.add(listener);
        sessions.listeners().add(listener);
    }

    /**
     * Adds a listener through {@code ServletContext.addListener} (§4.4): a {@code ServletContextListener} only while
     * the container initializers run, and its {@code contextInitialized} then sees a restricted context.
     */
    public void addProgrammaticListener(EventListener listener) {
        checkConfigurable();
        if (listener instanceof ServletContextListener && state != State.RUNNING_INITIALIZERS) {
            throw new IllegalArgumentException("ServletContext.addListener: a ServletContextListener can only be added"
                    + " from ServletContainerInitializer.onStartup (Servlet 6.1 §4.4)");
        }
        addListener(listener);
        lifecycle.addedProgrammatically(listener);
    }

    /** Plugs in an external session store (default: in memory). */
    public void sessionStore(SessionStore store) {
        checkConfigurable();
        sessions.store(store);
        if (store instanceof AutoCloseable closeable) {
            closeOnDestroy(closeable); // a shared store's connections go with the application
        }
    }

    /** Whether the session store waits on I/O (a shared store): then no request of this application runs inline. */
    public boolean sessionStoreBlocks() {
        return sessions.storeBlocks();
    }

    /**
     * Keeps sessions across a restart in {@code directory} (Tomcat's {@code StandardManager}; Boot's
     * {@code server.servlet.session.persistent}); {@code null} (default) keeps them in memory only.
     */
    public void persistentSessions(java.nio.file.Path directory) {
        checkConfigurable();
        sessions.persistTo(directory);
    }

    /** Where sessions are persisted, or null when they are not. */
    public java.nio.file.Path sessionStoreDirectory() {
        return sessions.persistenceDirectory();
    }

    /** The most sessions held at once; {@code -1} (default) for no limit. */
    public void maxActiveSessions(int max) {
        checkConfigurable();
        sessions.maxActive(max);
    }

    /** Maps a locale (e.g. {@code ja} or {@code zh_TW}) to the charset {@code setLocale} implies (§5.6). */
    public void localeCharset(String locale, String charset) {
        localeCharsets.put(locale, charset);
    }

    public String localeCharset(String locale) {
        return localeCharsets.get(locale);
    }

    /** {@link #localeCharset} as a function, made once so responses do not allocate one each. */
    public java.util.function.Function<String, String> localeCharsets() {
        return localeCharsetLookup;
    }

    /** How long blocking request-body reads and response writes may wait for the client. */
    public void blockingTimeoutMillis(long millis) {
        this.blockingTimeoutMillis = millis;
    }

    public long blockingTimeoutMillis() {
        return blockingTimeoutMillis;
    }

    /** Largest form body parsed into parameters, and largest sum of multipart field values; -1: no limit. */
    public void maxFormSize(long bytes) {
        this.maxFormSize = bytes;
    }

    public long maxFormSize() {
        return maxFormSize;
    }

    /** Whether {@code TRACE} reaches the application (false: the container answers 405). */
    public void allowTrace(boolean allow) {
        this.allowTrace = allow;
    }

    public boolean allowTrace() {
        return allowTrace;
    }

    /** The default response buffer size in bytes (8 KiB unless configured). */
    public void responseBufferSize(int bytes) {
        checkConfigurable();
        this.responseBufferSize = bytes;
    }

    public int responseBufferSize() {
        return responseBufferSize;
    }

    /** The default {@code AsyncContext} timeout (Servlet 6.1 §2.3.3.3): 30 s unless configured; {@code <= 0}: none. */
    public void asyncTimeoutMillis(long millis) {
        this.asyncTimeoutMillis = millis;
    }

    public long asyncTimeoutMillis() {
        return asyncTimeoutMillis;
    }

    public void addInitializer(ServletContainerInitializer initializer, Set<Class<?>> classes) {
        checkConfigurable();
        lifecycle.addInitializer(initializer, classes);
    }

    public void resources(ResourceBase base) {
        checkConfigurable();
        this.resources = base;
    }

    /** Whether an application with resources gets the {@link DefaultServlet} (default true). */
    public void installDefaultServlet(boolean install) {
        checkConfigurable();
        this.installDefaultServlet = install;
    }

    /** Whether {@code sendRedirect} sends a reference without scheme and authority (default false: absolute URL). */
    public void useRelativeRedirects(boolean relative) {
        checkConfigurable();
        this.useRelativeRedirects = relative;
    }

    public boolean useRelativeRedirects() {
        return useRelativeRedirects;
    }

    /** The welcome files the default servlet tries for a directory, in order (Servlet 6.1 §10.10). */
    public void welcomeFiles(List<String> files) {
        checkConfigurable();
        this.welcomeFiles = List.copyOf(files);
    }

    public List<String> welcomeFiles() {
        return welcomeFiles;
    }

    /**
     * Closes {@code resource} when the application is destroyed, after {@code contextDestroyed} (e.g. the class
     * loader of a deployed WAR); resources close in reverse order of registration.
     */
    public void closeOnDestroy(AutoCloseable resource) {
        lifecycle.closeOnDestroy(resource);
    }

    /** Trusts forwarded headers from these proxies; null (the default) ignores them. */
    public void forwardedHeaders(ForwardedHeaders trusted) {
        checkConfigurable();
        this.forwardedHeaders = trusted;
    }

    /** The trusted-proxy configuration, or null when forwarded headers are ignored. */
    public ForwardedHeaders forwardedHeaders() {
        return forwardedHeaders;
    }

    ServletHolder servletForPattern(String pattern) {
        return registrations.servletForPattern(pattern);
    }

    void mappingsChanged() {
        registrations.mappingsChanged();
    }

    // ---- life cycle ----------------------------------------------------------------------------------------------

    /**
     * Runs the container initializers, then the context listeners, then initialises the filters (Servlet 6.1
     * §4.4, §8.2); after this the registrations are closed.
     */
    public void initialize() throws ServletException {
        checkConfigurable();
        lifecycle.initialize();
    }

    /** Initialises the load-on-startup servlets in ascending order (Servlet 6.1 §8.2.3). */
    public void startServlets() throws ServletException {
        if (state == State.CONFIGURING) {
            initialize();
        }
        lifecycle.startServlets();
        state = State.STARTED;
    }

    /** Destroys servlets, then filters, then tells the context listeners in reverse order. Idempotent. */
    public void destroy() {
        if (state == State.DESTROYED) {
            return;
        }
        state = State.DESTROYED;
        lifecycle.destroy();
    }

    /** The life cycle moves the state forward. */
    void moveTo(State next) {
        this.state = next;
    }

    void webSecurity(WebSecurity security) {
        this.webSecurity = security;
    }

    boolean installsDefaultServlet() {
        return installDefaultServlet;
    }

    AppSessions appSessions() {
        return sessions;
    }

    public void withContextClassLoader(AppAction action) throws ServletException {
        ClassLoader previous = ClassLoaderSwap.enter(classLoader);
        try {
            action.run();
        } finally {
            ClassLoaderSwap.exit(previous);
        }
    }

    // ---- request-time views ---------------------------------------------------------------------------------------

    /** The servlet mapper, built once the registrations are complete. */
    public ServletMapper<ServletHolder> mapper() {
        return registrations.mapper(state.compareTo(State.INITIALIZED) >= 0);
    }

    /** The servlet for a canonical path within this context, or {@code null} if nothing (not even "/") matches. */
    public MappingResult<ServletHolder> map(String path) {
        return mapper().map(path);
    }

    public List<ServletHolder> servlets() {
        return registrations.servlets();
    }

    public ServletHolder servlet(String name) {
        return registrations.servlet(name);
    }

    public List<FilterHolder> filters() {
        return registrations.filters();
    }

    public FilterHolder filter(String name) {
        return registrations.filter(name);
    }

    public FilterMappings filterMappings() {
        return filterMappings;
    }

    public Listeners listeners() {
        return listeners;
    }

    public ErrorPages errorPages() {
        return errorPages;
    }

    public MimeTypes mimeTypes() {
        return mimeTypes;
    }

    public ResourceBase resources() {
        return resources;
    }

    public ServletContextImpl context() {
        return context;
    }

    public String contextPath() {
        return contextPath;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    public State state() {
        return state;
    }

    /** The session counters, or null before the application is initialised. */
    public dev.pronto.servlet.session.SessionMetrics sessionMetrics() {
        return sessions.metrics();
    }

    /** The session manager; available once the application is initialised. */
    public SessionManager sessions() {
        SessionManager manager = sessions.manager();
        if (manager == null) {
            throw new IllegalStateException("Sessions are available once the application is initialized");
        }
        return manager;
    }

    public SessionCookieConfigImpl sessionCookieConfig() {
        return sessions.cookieConfig();
    }

    /** The security being configured (constraints, login config, realm, roles); for the configuring thread. */
    public SecurityConfiguration security() {
        return security;
    }

    /** The security requests use once initialised; null when the application configured none. */
    public WebSecurity webSecurity() {
        return webSecurity;
    }

    public Logger log() {
        return log;
    }

    private String displayPath() {
        return contextPath.isEmpty() ? "/" : contextPath;
    }

    @Override
    public String toString() {
        return "web application " + displayPath();
    }
}
