package dev.pronto.deploy;

import dev.pronto.deploy.descriptor.WebXml;
import dev.pronto.deploy.descriptor.WebXml.ErrorPageDef;
import dev.pronto.deploy.descriptor.WebXml.FilterDef;
import dev.pronto.deploy.descriptor.WebXml.FilterMappingDef;
import dev.pronto.deploy.descriptor.WebXml.ServletDef;
import dev.pronto.deploy.descriptor.WebXml.ServletMappingDef;
import dev.pronto.deploy.descriptor.WebXml.SessionConfigDef;
import dev.pronto.servlet.WebAppBuilder;
import dev.pronto.servlet.context.WebApplication;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a merged deployment descriptor into {@link WebAppBuilder} steps, run in declaration order when the
 * application is built: context parameters, listeners, servlets and filters with their mappings, sessions, MIME
 * types, welcome files, error pages, encodings. A servlet declared both in the descriptor and by
 * {@code @WebServlet} of the same name is one servlet: the descriptor's values win, the annotation fills the rest
 * (Servlet 6.1 §8.2.3). For the deploying thread.
 */
final class DescriptorApplier {

    /**
     * The container's own locale-encoding mapping for WARs, under the descriptor's {@code locale-encoding-mapping-list}
     * (Servlet 6.1 §5.6: without a mapping, "{@code setLocale} uses a container dependent mapping"): the spec's own
     * example, Japanese as Shift_JIS. Embedded applications get only what their builder maps.
     */
    static final Map<String, String> CONTAINER_LOCALE_ENCODINGS = Map.of("ja", "Shift_JIS");

    private final WebXml xml;
    private final ClassLoader loader;
    private final Map<String, Class<?>> annotatedServlets;
    private final boolean ignoreUnsupported;
    private final boolean jsp;

    /** {@code jsp}: whether the application has a JSP engine (pronto-jsp), which serves jsp-file servlets. */
    DescriptorApplier(WebXml xml, ClassLoader loader, Map<String, Class<?>> annotatedServlets,
                      boolean ignoreUnsupported, boolean jsp) {
        this.jsp = jsp;
        this.xml = xml;
        this.loader = loader;
        this.annotatedServlets = annotatedServlets;
        this.ignoreUnsupported = ignoreUnsupported;
    }

    void apply(WebAppBuilder builder) {
        if (xml.displayName != null) {
            builder.displayName(xml.displayName);
        }
        if (xml.version != null) {
            int dot = xml.version.indexOf('.');
            int major = Integer.parseInt(xml.version.substring(0, dot));
            int minor = Integer.parseInt(xml.version.substring(dot + 1));
            builder.configure(app -> app.context().effectiveVersion(major, minor));
        }
        xml.contextParams.forEach(builder::initParameter);
        builder.configure(guarded(app -> xml.listeners.forEach(listener -> declared(listener,
                () -> app.addListener(declaredListener(app, listener))))));
        builder.configure(guarded(this::servlets));
        builder.configure(guarded(this::filters));
        if (xml.sessionConfig != null) {
            builder.configure(guarded(app -> session(app.context(), xml.sessionConfig)));
        }
        xml.mimeMappings.forEach(builder::mimeType);
        if (xml.welcomeFiles != null) {
            // without a JSP engine a JSP welcome file would be served as its source: never offer one then
            builder.welcomeFiles(xml.welcomeFiles.stream().filter(f -> jsp || !f.endsWith(".jsp") && !f.endsWith(".jspx"))
                    .toArray(String[]::new));
        }
        if (xml.jspConfig != null && jsp) {
            builder.jspConfig(xml.jspConfig);
        }
        builder.configure(guarded(app -> xml.errorPages.values().forEach(page -> errorPage(app, page))));
        security(builder);
        CONTAINER_LOCALE_ENCODINGS.forEach((locale, charset) -> {
            if (!xml.localeEncodings.containsKey(locale)) {
                builder.localeCharset(locale, charset);
            }
        });
        xml.localeEncodings.forEach(builder::localeCharset);
        if (xml.requestCharacterEncoding != null) {
            builder.requestCharacterEncoding(xml.requestCharacterEncoding);
        }
        if (xml.responseCharacterEncoding != null) {
            builder.responseCharacterEncoding(xml.responseCharacterEncoding);
        }
    }

    private void servlets(WebApplication app) {
        ServletContext context = app.context();
        Set<String> mapped = new HashSet<>();
        xml.servletMappings.forEach(m -> mapped.add(m.servletName()));
        for (ServletDef servlet : xml.servlets.values()) {
            if (Boolean.FALSE.equals(servlet.enabled())) {
                continue; // a disabled servlet is not deployed; its mappings find nothing (§8.2.3 "enabled")
            }
            declared(servlet.location(), () -> addServlet(context, servlet, !mapped.contains(servlet.name())));
        }
        for (ServletMappingDef mapping : xml.servletMappings) {
            ServletDef servlet = xml.servlets.get(mapping.servletName());
            if (servlet != null && Boolean.FALSE.equals(servlet.enabled())) {
                continue;
            }
            ServletRegistration registration = context.getServletRegistration(mapping.servletName());
            if (registration == null && annotatedServlets.containsKey(mapping.servletName())) {
                declared(mapping.location(), () -> addServlet(context, new ServletDef(mapping.servletName(), null,
                        null, Map.of(), null, null, null, null, mapping.location()), false));
                registration = context.getServletRegistration(mapping.servletName());
            }
            if (registration == null) {
                throw new DeploymentException("<servlet-mapping> names servlet '" + mapping.servletName()
                        + "', which is not declared, at " + mapping.location());
            }
            Set<String> conflicts = registration.addMapping(mapping.urlPatterns().toArray(new String[0]));
            if (!conflicts.isEmpty()) {
                throw new DeploymentException("URL patterns " + conflicts + " are mapped to two servlets ("
                        + mapping.servletName() + " at " + mapping.location() + ") — Servlet 6.1 §12.2");
            }
        }
    }

    private void addServlet(ServletContext context, ServletDef servlet, boolean takeAnnotationMappings) {
        Class<?> annotated = annotatedServlets.get(servlet.name());
        String className = servlet.className() != null ? servlet.className()
                : annotated != null ? annotated.getName() : null;
        if (className == null && servlet.jspFile() != null && ignoreUnsupported && !jsp) {
            context.addServlet(servlet.name(), new NotImplementedServlet("JSP (" + servlet.jspFile() + ")"));
            return;
        }
        if (className == null && servlet.jspFile() == null) {
            throw new DeploymentException("Servlet '" + servlet.name() + "' has no <servlet-class>");
        }
        ServletRegistration.Dynamic registration = className != null ? context.addServlet(servlet.name(), className)
                : context.addJspFile(servlet.name(), servlet.jspFile()); // <jsp-file>: the JSP servlet serves it
        WebServlet annotation = annotated != null && annotated.getName().equals(className)
                ? annotated.getAnnotation(WebServlet.class) : null;
        if (annotation != null) {
            for (WebInitParam param : annotation.initParams()) {
                registration.setInitParameter(param.name(), param.value());
            }
            registration.setAsyncSupported(annotation.asyncSupported());
            registration.setLoadOnStartup(annotation.loadOnStartup());
            String[] patterns = annotation.urlPatterns().length > 0 ? annotation.urlPatterns() : annotation.value();
            if (takeAnnotationMappings && patterns.length > 0) {
                registration.addMapping(patterns);
            }
        }
        servlet.initParams().forEach(registration::setInitParameter); // the descriptor's values win
        if (servlet.loadOnStartup() != null) {
            registration.setLoadOnStartup(servlet.loadOnStartup());
        }
        if (servlet.asyncSupported() != null) {
            registration.setAsyncSupported(servlet.asyncSupported());
        }
        MultipartConfigElement multipart = servlet.multipart() != null ? servlet.multipart()
                : className == null ? null : annotatedMultipart(className);
        if (multipart != null) {
            registration.setMultipartConfig(multipart);
        }
    }

    /** §8.1.5: {@code @MultipartConfig} applies to a servlet declared in the descriptor too. */
    private MultipartConfigElement annotatedMultipart(String className) {
        try {
            MultipartConfig config = Class.forName(className, false, loader).getAnnotation(MultipartConfig.class);
            return config == null ? null : new MultipartConfigElement(config);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // addServlet has already reported a class that cannot be loaded
        }
    }

    private void filters(WebApplication app) {
        ServletContext context = app.context();
        for (FilterDef filter : xml.filters.values()) {
            if (filter.className() == null) {
                throw new DeploymentException("Filter '" + filter.name() + "' has no <filter-class> at "
                        + filter.location());
            }
            declared(filter.location(), () -> {
                FilterRegistration.Dynamic registration = context.addFilter(filter.name(), filter.className());
                filter.initParams().forEach(registration::setInitParameter);
                if (filter.asyncSupported() != null) {
                    registration.setAsyncSupported(filter.asyncSupported());
                }
            });
        }
        for (FilterMappingDef mapping : xml.filterMappings) {
            FilterRegistration registration = context.getFilterRegistration(mapping.filterName());
            if (registration == null) {
                throw new DeploymentException("<filter-mapping> names filter '" + mapping.filterName()
                        + "', which is not declared, at " + mapping.location());
            }
            EnumSet<DispatcherType> dispatchers = EnumSet.copyOf(mapping.dispatchers());
            if (!mapping.urlPatterns().isEmpty()) {
                registration.addMappingForUrlPatterns(dispatchers, true,
                        mapping.urlPatterns().toArray(new String[0]));
            }
            if (!mapping.servletNames().isEmpty()) {
                registration.addMappingForServletNames(dispatchers, true,
                        mapping.servletNames().toArray(new String[0]));
            }
        }
    }

    private static void session(ServletContext context, SessionConfigDef config) {
        if (config.timeoutMinutes() != null) {
            context.setSessionTimeout(config.timeoutMinutes());
        }
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        if (config.cookieName() != null) {
            cookie.setName(config.cookieName());
        }
        if (config.cookieDomain() != null) {
            cookie.setDomain(config.cookieDomain());
        }
        if (config.cookiePath() != null) {
            cookie.setPath(config.cookiePath());
        }
        if (config.cookieHttpOnly() != null) {
            cookie.setHttpOnly(config.cookieHttpOnly());
        }
        if (config.cookieSecure() != null) {
            cookie.setSecure(config.cookieSecure());
        }
        if (config.cookieMaxAge() != null) {
            cookie.setMaxAge(config.cookieMaxAge());
        }
        config.cookieAttributes().forEach(cookie::setAttribute);
        if (!config.trackingModes().isEmpty()) {
            Set<SessionTrackingMode> modes = EnumSet.noneOf(SessionTrackingMode.class);
            for (String mode : config.trackingModes()) {
                modes.add(SessionTrackingMode.valueOf(mode.toUpperCase(Locale.ROOT)));
            }
            context.setSessionTrackingModes(modes);
        }
    }

    private void errorPage(WebApplication app, ErrorPageDef page) {
        if (page.errorCode() != null) {
            app.errorPages().add(page.errorCode(), page.location());
        } else if (page.exceptionType() != null) {
            try {
                app.errorPages().add(Class.forName(page.exceptionType(), false, loader)
                        .asSubclass(Throwable.class), page.location());
            } catch (ClassNotFoundException | LinkageError | ClassCastException e) {
                throw new DeploymentException("<exception-type> " + page.exceptionType()
                        + " is not a loadable Throwable, at " + page.declaredAt(), e);
            }
        } else {
            app.errorPages().addGlobal(page.location());
        }
    }

    /**
     * A step that closes the class loader when it fails: the server's builder fails then, so the application is
     * never destroyed and would otherwise keep the WAR's jars open.
     */
    private java.util.function.Consumer<WebApplication> guarded(java.util.function.Consumer<WebApplication> step) {
        return app -> {
            try {
                step.accept(app);
            } catch (RuntimeException | Error e) {
                if (loader instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        };
    }

    /** Runs a registration, turning the bridge's IllegalArgumentException into a message with the location. */
    /** A listener of the descriptor is declared: it keeps full rights over the context (Servlet 6.1 §4.4). */
    private java.util.EventListener declaredListener(dev.pronto.servlet.context.WebApplication app, String className) {
        try {
            return app.context().createListener(Class.forName(className, false, loader)
                    .asSubclass(java.util.EventListener.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("Cannot load listener class " + className, e);
        } catch (jakarta.servlet.ServletException e) {
            throw new IllegalArgumentException("Cannot create listener " + className, e);
        }
    }

    /** The descriptor's security elements onto the bridge's model (Servlet 6.1 §13). */
    private void security(WebAppBuilder builder) {
        if (xml.metadataComplete) {
            // §13.4: with metadata-complete the descriptor's constraints are the whole truth, @ServletSecurity is ignored
            builder.configure(app -> app.security().ignoreSecurityAnnotations(true));
        }
        xml.securityConstraints.forEach(builder::securityConstraint);
        if (xml.loginConfig != null) {
            WebXml.LoginConfigDef login = xml.loginConfig;
            builder.loginConfig(login.authMethod(), login.realmName(), login.formLoginPage(), login.formErrorPage());
        }
        if (!xml.securityRoles.isEmpty()) {
            builder.declareRoles(xml.securityRoles.toArray(new String[0]));
        }
        xml.roleRefs.forEach(ref -> builder.roleRef(ref.servletName(), ref.roleName(), ref.roleLink()));
        if (xml.denyUncoveredHttpMethods) {
            builder.denyUncoveredHttpMethods(true);
        }
        xml.runAs.forEach((servlet, role) -> builder.configure(app -> {
            ServletRegistration registration = app.context().getServletRegistration(servlet);
            if (registration instanceof ServletRegistration.Dynamic dynamic) {
                dynamic.setRunAsRole(role);
            }
        }));
    }

    private static void declared(String location, Runnable registration) {
        try {
            registration.run();
        } catch (IllegalArgumentException | IllegalStateException | LinkageError e) {
            throw new DeploymentException(e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : "")
                    + " — declared at " + location, e);
        }
    }

}
