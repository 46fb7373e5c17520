package dev.pronto.jsp;

import dev.pronto.servlet.jsp.JspEngine;
import dev.pronto.servlet.jsp.JspSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * The JSP engine of this module (found by {@link JspEngine#find} through {@code META-INF/services}): Apache Jasper,
 * set up by {@link JasperSetup}. Jasper may come from this module's own dependency or from Tomcat's
 * {@code tomcat-embed-jasper}; this class names no Jasper type, so that it loads (and answers "not available")
 * without either. Stateless and thread-safe.
 */
public final class JasperJspEngine implements JspEngine {

    static final String JASPER_INITIALIZER = "org.apache.jasper.servlet.JasperInitializer";

    @Override
    public boolean available(JspSettings settings, ClassLoader classLoader) {
        return loadable(JASPER_INITIALIZER, JasperJspEngine.class.getClassLoader())
                && loadable(settings.className(), classLoader);
    }

    @Override
    public ServletContainerInitializer install(ServletContext context, JspSettings settings) {
        return JasperSetup.install(context, settings);
    }

    private static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
