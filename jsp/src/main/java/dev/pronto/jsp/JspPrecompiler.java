package dev.pronto.jsp;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jasper.EmbeddedServletOptions;
import org.apache.jasper.JasperException;
import org.apache.jasper.Options;
import org.apache.jasper.compiler.JspRuntimeContext;
import org.apache.jasper.servlet.JspServletWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code JspSettings.precompile}: compiles every {@code *.jsp} and {@code *.jspx} page of the application when it
 * starts (after the container initializers, so Jasper's TLD scan is done), into the JSP servlet's scratch directory
 * with the JSP servlet's own init parameters, so the servlet later finds the classes up to date and compiles nothing
 * on a first request. A page that does not compile fails the start, naming every such page, as Tomcat's JspC
 * ({@code failOnError}, its default) fails a build; Tomcat and Jetty themselves have no start-up precompile.
 * Runs once, on the thread that initializes the application.
 */
final class JspPrecompiler implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(JspPrecompiler.class);

    private final ServletRegistration jsp;

    /** {@code jsp}: the JSP servlet's registration (a listener added by an initializer may not look it up, §4.4). */
    JspPrecompiler(ServletRegistration jsp) {
        this.jsp = jsp;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        long started = System.nanoTime();
        ServletConfig config = new RegistrationConfig(context, jsp.getInitParameters());
        Options options = new EmbeddedServletOptions(config, context);
        JspRuntimeContext runtime = new JspRuntimeContext(context, options);
        List<String> pages = new ArrayList<>();
        collectPages(context, "/", pages);
        List<String> failures = new ArrayList<>();
        try {
            for (String page : pages) {
                try {
                    new JspServletWrapper(config, options, page, runtime).getJspEngineContext().compile();
                } catch (JasperException | FileNotFoundException e) {
                    failures.add(page + ": " + summary(e));
                }
            }
        } finally {
            runtime.destroy();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("JSP precompilation failed for " + failures.size() + " of "
                    + pages.size() + " page(s): " + String.join("; ", failures));
        }
        LOG.info("{}: {} JSP page(s) compiled in {} ms", context.getContextPath().isEmpty() ? "/"
                : context.getContextPath(), pages.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Jasper's message (file, line, source line) without its empty "Stacktrace:" tail. */
    private static String summary(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int tail = message.lastIndexOf("Stacktrace:");
        return (tail < 0 ? message : message.substring(0, tail)).strip().replaceAll("\\s*\\n\\s*", " / ");
    }

    /** Every page under {@code dir}, in name order; tag files ({@code .tag}) and fragments ({@code .jspf}) are not pages. */
    private static void collectPages(ServletContext context, String dir, List<String> pages) {
        Set<String> children = context.getResourcePaths(dir);
        if (children == null) {
            return;
        }
        for (String child : children.stream().sorted().toList()) {
            if (child.endsWith("/")) {
                if (!child.equals("/WEB-INF/lib/") && !child.equals("/WEB-INF/classes/")) {
                    collectPages(context, child, pages);
                }
            } else if (child.endsWith(".jsp") || child.endsWith(".jspx")) {
                pages.add(child);
            }
        }
    }

    /** The {@code jsp} servlet's name and init parameters, as its own {@code ServletConfig} will have them. */
    private record RegistrationConfig(ServletContext context, Map<String, String> parameters) implements ServletConfig {

        @Override
        public String getServletName() {
            return JasperSetup.SERVLET_NAME;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public String getInitParameter(String name) {
            return parameters.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
