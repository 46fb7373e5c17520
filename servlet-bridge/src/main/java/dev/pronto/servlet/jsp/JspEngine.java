package dev.pronto.servlet.jsp;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.ServiceLoader;

/**
 * A JSP engine a web application gets when its module ({@code pronto-jsp}, Apache Jasper) is on the class path,
 * found with {@link ServiceLoader}. The bridge only defines it, so that it has no JSP code of its own.
 * Implementations are stateless and thread-safe.
 */
public interface JspEngine {

    /**
     * Whether the engine can run here (e.g. the JSP servlet class named by {@code settings} can be loaded from
     * {@code classLoader}, the application's).
     */
    boolean available(JspSettings settings, ClassLoader classLoader);

    /**
     * Sets JSP up in an application that is being configured: registers the {@code jsp} servlet mapped to
     * {@code *.jsp} and {@code *.jspx} at once (so that descriptor {@code jsp-file} servlets and the application's
     * initializers can call {@code ServletContext.addJspFile}), and returns the initializer that finishes the work
     * when the application starts, before the application's own initializers: tag library discovery, the
     * {@code jsp-property-group} URL patterns, the scratch directory, what the engine needs from its container.
     */
    ServletContainerInitializer install(ServletContext context, JspSettings settings);

    /**
     * The engine of the bridge's class path or of {@code classLoader} that is available for {@code settings}, or
     * {@code null} when there is none (or {@code settings} turn JSP off).
     */
    static JspEngine find(JspSettings settings, ClassLoader classLoader) {
        if (!settings.registered()) {
            return null;
        }
        for (ClassLoader loader : new ClassLoader[] {JspEngine.class.getClassLoader(), classLoader}) {
            if (loader == null) {
                continue;
            }
            for (JspEngine engine : ServiceLoader.load(JspEngine.class, loader)) {
                if (engine.available(settings, classLoader)) {
                    return engine;
                }
            }
        }
        return null;
    }
}
