package dev.pronto.jsp;

import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.jsp.JspSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import jakarta.servlet.descriptor.JspPropertyGroupDescriptor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jasper.servlet.JasperInitializer;
import org.apache.tomcat.InstanceManager;
import org.apache.tomcat.JarScanner;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets Jasper up in one web application. While it is configured: the {@code jsp} servlet mapped to {@code *.jsp}
 * and {@code *.jspx} (Tomcat's name and load-on-startup; the bridge keeps {@code WEB-INF}/{@code META-INF}
 * pages private for every servlet). When it starts, first among its initializers: the {@link InstanceManager} and {@link JarScanner}
 * Jasper asks the context for, Jasper's own initializer (TLD discovery in {@code WEB-INF}, the {@code jsp-config}
 * taglibs, the jars of {@code WEB-INF/lib} and of the class path; the {@code JspFactory}), the
 * {@code jsp-property-group} URL patterns and the scratch directory. Runs on the thread that configures and
 * initializes the application.
 */
final class JasperSetup implements ServletContainerInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(JasperSetup.class);
    static final String SERVLET_NAME = "jsp";
    /** Tomcat's and Spring Boot's: the JSP servlet starts after the application's first servlets. */
    private static final int LOAD_ON_STARTUP = 3;
    private static final String SCRATCH_DIR = "scratchdir";

    private final JspSettings settings;

    private JasperSetup(JspSettings settings) {
        this.settings = settings;
    }

    static ServletContainerInitializer install(ServletContext context, JspSettings settings) {
        ServletRegistration.Dynamic jsp = context.addServlet(SERVLET_NAME, settings.className());
        if (jsp != null) {
            settings.initParameters().forEach(jsp::setInitParameter);
            jsp.setLoadOnStartup(LOAD_ON_STARTUP);
            // defaults, as in Tomcat's global web.xml: a WAR mapping *.jsp to its own servlet takes the pattern
            ((ServletHolder) jsp).addOverridableMapping("*.jsp", "*.jspx");
        }
        return new JasperSetup(settings);
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (context.getAttribute(InstanceManager.class.getName()) == null) {
            context.setAttribute(InstanceManager.class.getName(), new ProntoInstanceManager(context.getClassLoader()));
        }
        if (context.getAttribute(JarScanner.class.getName()) == null) {
            context.setAttribute(JarScanner.class.getName(), new StandardJarScanner()); // WEB-INF/lib and class path
        }
        new JasperInitializer().onStartup(null, context);
        ServletRegistration jsp = context.getServletRegistration(SERVLET_NAME);
        if (!(jsp instanceof ServletRegistration.Dynamic dynamic)) {
            return;
        }
        if (dynamic.getInitParameter(SCRATCH_DIR) == null) {
            dynamic.setInitParameter(SCRATCH_DIR, scratchDir(context).toString());
        }
        if (settings.precompile()) {
            context.addListener(new JspPrecompiler(dynamic));
        }
        List<String> patterns = groupPatterns(context.getJspConfigDescriptor());
        if (!patterns.isEmpty()) {
            Set<String> conflicts = dynamic.addMapping(patterns.toArray(new String[0]));
            if (!conflicts.isEmpty()) {
                LOG.debug("{}: the application maps {} itself; JSP does not serve them", context.getContextPath(),
                        conflicts);
            }
        }
    }

    /** Every property group's URL patterns: they select JSP pages (Pages 4.0 §3.3), so the JSP servlet serves them. */
    private static List<String> groupPatterns(JspConfigDescriptor config) {
        List<String> patterns = new ArrayList<>();
        if (config != null) {
            for (JspPropertyGroupDescriptor group : config.getJspPropertyGroups()) {
                patterns.addAll(group.getUrlPatterns());
            }
        }
        return patterns;
    }

    /** The settings' directory, else {@code jsp} in the application's private temporary directory (§4.8.1). */
    private Path scratchDir(ServletContext context) throws ServletException {
        Path dir = settings.scratchDir();
        if (dir == null) {
            Object temp = context.getAttribute(ServletContext.TEMPDIR);
            if (!(temp instanceof File file)) {
                throw new ServletException("JSP needs a scratch directory: " + ServletContext.TEMPDIR + " is not set");
            }
            dir = file.toPath().resolve("jsp");
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ServletException("Cannot create the JSP scratch directory " + dir, e);
        }
    }
}
