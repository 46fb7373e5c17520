package dev.pronto.servlet.context;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.UnavailableException;
import java.io.IOException;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.ServletSecurity;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A registered servlet ({@code ServletRegistration.Dynamic}) and its life cycle: created and initialised once,
 * lazily or at start-up, destroyed at stop. {@link #servlet()} is thread-safe.
 */
public final class ServletHolder extends RegistrationBase<Servlet> implements ServletRegistration.Dynamic, ServletConfig {

    /** Init parameter that declares a servlet non-blocking: it then runs inline on the event loop. */
    public static final String NON_BLOCKING_PARAM = "dev.pronto.nonBlocking";

    private final Class<? extends Servlet> servletClass;
    private final Set<String> mappings = new LinkedHashSet<>();
    /** The container's default mappings of this servlet, which an application's own mapping takes over. */
    private final Set<String> overridable = new HashSet<>();
    private int loadOnStartup = -1;
    private MultipartConfigElement multipartConfig;
    private String runAsRole;
    private ServletSecurityElement servletSecurity;
    /** Added as an instance the application made itself: its class's {@code @ServletSecurity} does not count. */
    private boolean securityAnnotationIgnored;
    private boolean nonBlocking;
    /** When the servlet may serve again (§2.3.3.2): 0 available now, {@code Long.MAX_VALUE} never. */
    private volatile long unavailableUntil;

    ServletHolder(WebApplication app, String name, Servlet instance, Class<? extends Servlet> servletClass) {
        super(app, name, instance != null ? instance.getClass().getName() : servletClass.getName(), instance);
        this.servletClass = instance != null ? instance.getClass() : servletClass;
    }

    // ---- ServletRegistration ------------------------------------------------------------------------------

    @Override
    public Set<String> addMapping(String... urlPatterns) {
        if (urlPatterns == null || urlPatterns.length == 0) {
            throw new IllegalArgumentException("No URL patterns given");
        }
        app.checkConfigurable();
        Set<String> conflicts = new HashSet<>();
        for (String pattern : urlPatterns) {
            ServletHolder owner = app.servletForPattern(pattern);
            if (owner != null && owner != this && !owner.overridable.contains(pattern)) {
                conflicts.add(pattern);
            }
        }
        if (conflicts.isEmpty()) {
            for (String pattern : urlPatterns) {
                ServletHolder owner = app.servletForPattern(pattern);
                if (owner != null && owner != this) {
                    owner.mappings.remove(pattern); // a container default the application maps itself (as Tomcat)
                    owner.overridable.remove(pattern);
                }
            }
            Collections.addAll(mappings, urlPatterns);
            app.mappingsChanged();
        }
        return conflicts;
    }

    /**
     * Maps a container-provided servlet (e.g. JSP's {@code *.jsp}) by default: a mapping of the same pattern by the
     * application, in its descriptor or programmatically, takes the pattern over instead of conflicting (Tomcat's
     * defaults from its global web.xml behave so).
     */
    public Set<String> addOverridableMapping(String... urlPatterns) {
        Set<String> conflicts = addMapping(urlPatterns);
        for (String pattern : urlPatterns) {
            if (!conflicts.contains(pattern)) {
                overridable.add(pattern);
            }
        }
        return conflicts;
    }

    @Override
    public Collection<String> getMappings() {
        return Collections.unmodifiableSet(mappings);
    }

    @Override
    public String getRunAsRole() {
        return runAsRole;
    }

    @Override
    public void setLoadOnStartup(int loadOnStartup) {
        app.checkConfigurable();
        this.loadOnStartup = loadOnStartup;
    }

    public int getLoadOnStartup() {
        return loadOnStartup;
    }

    /**
     * Servlet 6.1 §4.4.3.4: the element constrains this servlet's mappings (replacing any {@code @ServletSecurity}),
     * except the patterns a descriptor constraint names exactly, which are returned and keep that constraint.
     */
    @Override
    public Set<String> setServletSecurity(ServletSecurityElement constraint) {
        if (constraint == null) {
            throw new IllegalArgumentException("setServletSecurity: the constraint must not be null");
        }
        app.checkConfigurable();
        this.servletSecurity = constraint;
        return app.security().descriptorPatterns(mappings);
    }

    /** Servlet 6.1 §13.4.1: added by {@code addServlet(String, Servlet)} with an instance not made by the container. */
    void ignoreSecurityAnnotation() {
        securityAnnotationIgnored = true;
    }

    /**
     * The security element for this servlet's mappings: set by the registration, else the class's annotation (unless
     * the application ignores security annotations: a metadata-complete descriptor, or an instance the application
     * made and added itself).
     */
    public ServletSecurityElement servletSecurity() {
        if (servletSecurity != null || securityAnnotationIgnored || app.security().securityAnnotationsIgnored()) {
            return servletSecurity;
        }
        ServletSecurity annotation = servletClass.getAnnotation(ServletSecurity.class);
        return annotation == null ? null : new ServletSecurityElement(annotation);
    }

    @Override
    public void setMultipartConfig(MultipartConfigElement multipartConfig) {
        if (multipartConfig == null) {
            throw new IllegalArgumentException("multipartConfig must not be null");
        }
        app.checkConfigurable();
        this.multipartConfig = multipartConfig;
    }

    /** The registration's multipart config, else the servlet class's {@code @MultipartConfig}, else null. */
    public MultipartConfigElement getMultipartConfig() {
        if (multipartConfig != null) {
            return multipartConfig;
        }
        // Servlet 6.1 §8.1.5: the annotation counts however the servlet was added, as Tomcat and Jetty read it
        MultipartConfig annotation = servletClass.getAnnotation(MultipartConfig.class);
        return annotation == null ? null : new MultipartConfigElement(annotation);
    }

    @Override
    public void setRunAsRole(String roleName) {
        app.checkConfigurable();
        this.runAsRole = roleName;
    }

    /** Declares the servlet non-blocking: its requests run inline on the event loop (it must never block). */
    public void setNonBlocking(boolean nonBlocking) {
        app.checkConfigurable();
        this.nonBlocking = nonBlocking;
    }

    public boolean isNonBlocking() {
        return nonBlocking || Boolean.parseBoolean(getInitParameter(NON_BLOCKING_PARAM));
    }

    // ---- ServletConfig ---------------------------------------------------------------------------------------

    @Override
    public String getServletName() {
        return getName();
    }

    @Override
    public ServletContext getServletContext() {
        return app.context();
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(getInitParameters().keySet());
    }

    // ---- life cycle --------------------------------------------------------------------------------------------

    /**
     * The initialised servlet, created and initialised on first use.
     *
     * @throws UnavailableException while the servlet is out of service (§2.3.3.2), or when its {@code init} says so
     */
    public Servlet servlet() throws ServletException {
        checkAvailable();
        try {
            return component();
        } catch (UnavailableException e) {
            markUnavailable(e);
            throw e;
        }
    }

    /**
     * Runs the servlet's {@code service}. Servlet 6.1 §2.3.3.2: a permanent {@code UnavailableException} takes the
     * servlet out of service (destroyed; later requests get 404), a temporary one for its period (503).
     */
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        Servlet servlet = servlet();
        try {
            servlet.service(request, response);
        } catch (UnavailableException e) {
            markUnavailable(e);
            if (e.isPermanent()) {
                destroy();
            }
            throw e;
        }
    }

    private void checkAvailable() throws UnavailableException {
        long until = unavailableUntil;
        if (until == 0) {
            return;
        }
        if (until == Long.MAX_VALUE) {
            throw new UnavailableException(getName() + " is permanently unavailable");
        }
        long left = until - System.currentTimeMillis();
        if (left > 0) {
            throw new UnavailableException(getName() + " is unavailable", (int) ((left + 999) / 1000));
        }
        unavailableUntil = 0;
    }

    /** A period the servlet does not give is taken as one minute, as Tomcat does. */
    private void markUnavailable(UnavailableException e) {
        if (e.isPermanent()) {
            unavailableUntil = Long.MAX_VALUE;
        } else {
            int seconds = e.getUnavailableSeconds() > 0 ? e.getUnavailableSeconds() : 60;
            unavailableUntil = System.currentTimeMillis() + seconds * 1000L;
        }
    }

    @Override
    Servlet create() throws ServletException {
        return app.context().createServlet(servletClass);
    }

    @Override
    void initialize(Servlet servlet) throws ServletException {
        servlet.init(this);
    }

    @Override
    void destroy(Servlet servlet) {
        servlet.destroy();
    }

    public Class<? extends Servlet> servletClass() {
        return servletClass;
    }

    @Override
    public String toString() {
        return "servlet '" + getName() + "'";
    }
}
