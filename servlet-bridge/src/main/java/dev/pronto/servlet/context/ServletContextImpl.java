package dev.pronto.servlet.context;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.EventListener;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ServletContext} of one {@link WebApplication}: attributes and init parameters ({@link ContextAttributes}),
 * resources, MIME types, logging through SLF4J, and dynamic registration while the application is configuring.
 * Thread-safe.
 */
public final class ServletContextImpl implements ServletContext {

    /** {@code getServerInfo()}: product name and version. */
    public static final String SERVER_INFO = "Pronto/0.1";

    private final WebApplication app;
    private final String displayName;
    private final ContextAttributes attributes;
    /** The servlets {@link #createServlet} made and not yet added: only theirs of the added instances have their
     *  {@code @ServletSecurity} applied (§13.4.1). By identity: a servlet may override {@code equals}. */
    private final Set<Servlet> createdServlets = Collections.synchronizedSet(Collections.newSetFromMap(
            new IdentityHashMap<>()));
    private volatile SessionCookieConfig sessionCookieConfig;
    private volatile int sessionTimeoutMinutes = 30;
    /** Tomcat's and Jetty's default: cookies, and URL rewriting for clients that refuse them (§7.1). */
    private volatile Set<SessionTrackingMode> trackingModes =
            EnumSet.of(SessionTrackingMode.COOKIE, SessionTrackingMode.URL);
    private volatile String requestCharacterEncoding;
    private volatile String responseCharacterEncoding;
    private volatile RequestDispatcherFactory dispatchers;
    /** The Servlet version the application is written for: its descriptor's, else the container's (6.1). */
    private volatile int effectiveMajorVersion = 6;
    private volatile int effectiveMinorVersion = 1;
    private volatile JspConfigDescriptor jspConfig;

    /** Creates request dispatchers; supplied by the dispatch layer so this package does not depend on it. */
    public interface RequestDispatcherFactory {
        RequestDispatcher forPath(String contextRelativePathWithQuery);

        RequestDispatcher forName(String servletName);
    }

    ServletContextImpl(WebApplication app, String displayName) {
        this.app = app;
        this.displayName = displayName;
        this.attributes = new ContextAttributes(this, app);
    }

    public WebApplication app() {
        return app;
    }

    public void dispatchers(RequestDispatcherFactory factory) {
        this.dispatchers = factory;
    }

    /** Sets the version {@link #getEffectiveMajorVersion}/{@code Minor} report, e.g. from a {@code web.xml}'s. */
    public void effectiveVersion(int major, int minor) {
        this.effectiveMajorVersion = major;
        this.effectiveMinorVersion = minor;
    }

    public void sessionCookieConfig(SessionCookieConfig config) {
        this.sessionCookieConfig = config;
    }

    // ---- identity and versions ----------------------------------------------------------------------------

    @Override
    public String getContextPath() {
        return app.contextPath();
    }

    @Override
    public ServletContext getContext(String uripath) {
        return uripath != null && uripath.startsWith(getContextPath()) ? this : null;
    }

    @Override
    public int getMajorVersion() {
        return 6;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public int getEffectiveMajorVersion() {
        return effectiveMajorVersion;
    }

    @Override
    public int getEffectiveMinorVersion() {
        return effectiveMinorVersion;
    }

    @Override
    public String getServerInfo() {
        return SERVER_INFO;
    }

    @Override
    public String getServletContextName() {
        return displayName;
    }

    @Override
    public String getVirtualServerName() {
        return "pronto";
    }

    @Override
    public ClassLoader getClassLoader() {
        return app.classLoader();
    }

    // ---- resources -------------------------------------------------------------------------------------------

    @Override
    public String getMimeType(String file) {
        return file == null ? null : app.mimeTypes().forFile(file);
    }

    @Override
    public Set<String> getResourcePaths(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        Set<String> children = app.resources().children(path);
        return children.isEmpty() ? null : Collections.unmodifiableSet(children);
    }

    @Override
    public URL getResource(String path) throws MalformedURLException {
        if (path == null || !path.startsWith("/")) {
            throw new MalformedURLException("Resource paths must start with '/': " + path);
        }
        return app.resources().resource(path);
    }

    @Override
    public InputStream getResourceAsStream(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        URL url = app.resources().resource(path);
        if (url == null) {
            return null;
        }
        try {
            return url.openStream();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String getRealPath(String path) {
        if (path == null) {
            return null;
        }
        Path file = app.resources().file(path.startsWith("/") ? path : "/" + path);
        return file == null ? null : file.toString();
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        if (path == null || !path.startsWith("/")) {
            return null; // §9.1: the context's dispatcher takes context-relative paths only
        }
        RequestDispatcherFactory factory = dispatchers;
        return factory == null ? null : factory.forPath(path);
    }

    @Override
    public RequestDispatcher getNamedDispatcher(String name) {
        RequestDispatcherFactory factory = dispatchers;
        return factory == null || name == null ? null : factory.forName(name);
    }

    // ---- logging ------------------------------------------------------------------------------------------------

    @Override
    public void log(String msg) {
        app.log().info(msg);
    }

    @Override
    public void log(String message, Throwable throwable) {
        app.log().error(message, throwable);
    }

    // ---- init parameters and attributes (ContextAttributes) --------------------------------------------------

    @Override
    public String getInitParameter(String name) {
        return attributes.initParameter(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return attributes.initParameterNames();
    }

    @Override
    public boolean setInitParameter(String name, String value) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        app.checkConfigurable();
        return attributes.setInitParameter(name, value);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return attributes.names();
    }

    @Override
    public void setAttribute(String name, Object object) {
        attributes.set(name, object);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    // ---- dynamic registration ----------------------------------------------------------------------------------------

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, String className) {
        app.checkConfigurable(); // before loading a class the call could not use anyway
        return app.addServlet(servletName, null, loadClass(className, Servlet.class));
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Servlet servlet) {
        if (servlet == null) {
            throw new IllegalArgumentException("servlet must not be null");
        }
        ServletHolder holder = app.addServlet(servletName, servlet, null);
        // Servlet 6.1 §13.4.1, as Tomcat: an instance made by the application keeps its @ServletSecurity to itself
        // unless the container made it (createServlet)
        if (holder != null && !createdServlets.remove(servlet)) {
            holder.ignoreSecurityAnnotation();
        }
        return holder;
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Class<? extends Servlet> servletClass) {
        return app.addServlet(servletName, null, servletClass);
    }

    @Override
    public ServletRegistration.Dynamic addJspFile(String servletName, String jspFile) {
        return JspFiles.add(this, servletName, jspFile);
    }

    @Override
    public <T extends Servlet> T createServlet(Class<T> clazz) throws ServletException {
        T servlet = instantiate(clazz);
        createdServlets.add(servlet);
        return servlet;
    }

    @Override
    public ServletRegistration getServletRegistration(String servletName) {
        return app.servlet(servletName);
    }

    @Override
    public Map<String, ? extends ServletRegistration> getServletRegistrations() {
        Map<String, ServletHolder> map = new LinkedHashMap<>();
        for (ServletHolder holder : app.servlets()) {
            map.put(holder.getName(), holder);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, String className) {
        app.checkConfigurable();
        return app.addFilter(filterName, null, loadClass(className, Filter.class));
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Filter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("filter must not be null");
        }
        return app.addFilter(filterName, filter, null);
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Class<? extends Filter> filterClass) {
        return app.addFilter(filterName, null, filterClass);
    }

    @Override
    public <T extends Filter> T createFilter(Class<T> clazz) throws ServletException {
        return instantiate(clazz);
    }

    @Override
    public FilterRegistration getFilterRegistration(String filterName) {
        return app.filter(filterName);
    }

    @Override
    public Map<String, ? extends FilterRegistration> getFilterRegistrations() {
        Map<String, FilterHolder> map = new LinkedHashMap<>();
        for (FilterHolder holder : app.filters()) {
            map.put(holder.getName(), holder);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public void addListener(String className) {
        app.checkConfigurable();
        addListener(loadClass(className, EventListener.class));
    }

    @Override
    public <T extends EventListener> void addListener(T listener) {
        app.addProgrammaticListener(listener);
    }

    @Override
    public void addListener(Class<? extends EventListener> listenerClass) {
        try {
            app.addProgrammaticListener(createListener(listenerClass));
        } catch (ServletException e) {
            throw new IllegalArgumentException("Cannot create listener " + listenerClass.getName(), e);
        }
    }

    @Override
    public <T extends EventListener> T createListener(Class<T> clazz) throws ServletException {
        if (!Listeners.isSupported(clazz)) {
            throw new IllegalArgumentException(clazz.getName() + " is not a supported listener type");
        }
        return instantiate(clazz);
    }

    private <T> Class<? extends T> loadClass(String className, Class<T> type) {
        try {
            return Class.forName(className, true, app.classLoader()).asSubclass(type);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("Cannot load " + type.getSimpleName() + " class " + className, e);
        }
    }

    private static <T> T instantiate(Class<T> clazz) throws ServletException {
        try {
            return clazz.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new ServletException("Cannot create " + clazz.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ServletException("Cannot create " + clazz.getName() + " (needs a public no-arg constructor)", e);
        }
    }

    @Override
    public JspConfigDescriptor getJspConfigDescriptor() {
        return jspConfig; // §4.4.1.9: null when the application has no jsp-config
    }

    /** The application's {@code jsp-config} (from web.xml or the builder); {@code null}: none. */
    public void jspConfigDescriptor(JspConfigDescriptor config) {
        app.checkConfigurable();
        this.jspConfig = config;
    }

    @Override
    public void declareRoles(String... roleNames) {
        app.checkConfigurable(); // §4.4.1.10: IllegalStateException once the context is initialized
        app.security().declareRoles(roleNames);
    }

    // ---- sessions and encodings --------------------------------------------------------------------------------------

    @Override
    public SessionCookieConfig getSessionCookieConfig() {
        return sessionCookieConfig;
    }

    @Override
    public void setSessionTrackingModes(Set<SessionTrackingMode> modes) {
        app.checkConfigurable();
        if (modes.contains(SessionTrackingMode.SSL)) {
            throw new IllegalArgumentException("SSL session tracking is not supported");
        }
        trackingModes = modes.isEmpty() ? EnumSet.noneOf(SessionTrackingMode.class) : EnumSet.copyOf(modes);
    }

    @Override
    public Set<SessionTrackingMode> getDefaultSessionTrackingModes() {
        return EnumSet.of(SessionTrackingMode.COOKIE, SessionTrackingMode.URL);
    }

    /** Whether sessions travel in cookies; read on every session lookup, so without a copy. */
    public boolean tracksSessionsByCookie() {
        return trackingModes.contains(SessionTrackingMode.COOKIE);
    }

    /** Whether sessions travel as {@code ;jsessionid=} path parameters (§7.1.3). */
    public boolean tracksSessionsByUrl() {
        return trackingModes.contains(SessionTrackingMode.URL);
    }

    @Override
    public Set<SessionTrackingMode> getEffectiveSessionTrackingModes() {
        return Collections.unmodifiableSet(trackingModes);
    }

    @Override
    public int getSessionTimeout() {
        return sessionTimeoutMinutes;
    }

    @Override
    public void setSessionTimeout(int sessionTimeout) {
        app.checkConfigurable();
        this.sessionTimeoutMinutes = sessionTimeout;
    }

    @Override
    public String getRequestCharacterEncoding() {
        return requestCharacterEncoding;
    }

    @Override
    public void setRequestCharacterEncoding(String encoding) {
        app.checkConfigurable();
        this.requestCharacterEncoding = encoding;
    }

    @Override
    public String getResponseCharacterEncoding() {
        return responseCharacterEncoding;
    }

    @Override
    public void setResponseCharacterEncoding(String encoding) {
        app.checkConfigurable();
        this.responseCharacterEncoding = encoding;
    }

    @Override
    public String toString() {
        return "ServletContext[" + (getContextPath().isEmpty() ? "/" : getContextPath()) + ']';
    }
}
