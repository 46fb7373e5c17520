package dev.pronto.servlet.jsp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a web application's JSP servlet is set up; Spring Boot's {@code server.servlet.jsp.*} map onto it 1:1.
 * Immutable.
 *
 * @param registered     whether the application gets the JSP servlet when an engine is present (default true)
 * @param className      the JSP servlet class (default Jasper's {@value #JASPER_SERVLET})
 * @param initParameters the JSP servlet's init parameters (Jasper's: {@code development}, {@code checkInterval},
 *                       {@code trimSpaces}, ...); none by default
 * @param scratchDir     where pages are compiled to; {@code null} (default): a {@code jsp} directory in the
 *                       application's temporary directory ({@code jakarta.servlet.context.tempdir})
 * @param precompile     compile every JSP page of the application when it starts, and fail the start on a page
 *                       that does not compile (as Tomcat's JspC does by default); off by default: pages compile on
 *                       their first request
 */
public record JspSettings(boolean registered, String className, Map<String, String> initParameters, Path scratchDir,
                          boolean precompile) {

    /** Apache Jasper's JSP servlet, the default {@link #className}. */
    public static final String JASPER_SERVLET = "org.apache.jasper.servlet.JspServlet";

    public JspSettings {
        initParameters = Map.copyOf(initParameters);
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("The JSP servlet class name must not be empty");
        }
    }

    /** JSP on, with Jasper's servlet and its own defaults (development mode: pages recompile when they change). */
    public static JspSettings defaults() {
        return new JspSettings(true, JASPER_SERVLET, Map.of(), null, false);
    }

    /** No JSP servlet, even with an engine on the class path. */
    public static JspSettings disabled() {
        return new JspSettings(false, JASPER_SERVLET, Map.of(), null, false);
    }

    /** These settings with one more init parameter of the JSP servlet. */
    public JspSettings initParameter(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>(initParameters);
        params.put(name, value);
        return new JspSettings(registered, className, params, scratchDir, precompile);
    }

    /** These settings compiling into {@code directory}. */
    public JspSettings scratchDir(Path directory) {
        return new JspSettings(registered, className, initParameters, directory, precompile);
    }

    /** These settings with every page compiled at start ({@code true}) or on its first request. */
    public JspSettings precompile(boolean atStart) {
        return new JspSettings(registered, className, initParameters, scratchDir, atStart);
    }
}
