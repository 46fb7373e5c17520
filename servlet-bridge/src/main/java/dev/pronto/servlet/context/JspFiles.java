package dev.pronto.servlet.context;

import jakarta.servlet.ServletRegistration;

/**
 * {@code ServletContext.addJspFile} and the descriptor's {@code <jsp-file>} (Servlet 6.1 §4.4.1.4): a servlet of
 * the JSP servlet's class with its init parameters, serving one page (the {@code jspFile} init parameter, as
 * Tomcat's Jasper reads it). Stateless; called on the configuring thread.
 */
final class JspFiles {

    /** The name the JSP servlet is registered under (Tomcat's, Jetty's and Spring Boot's). */
    static final String JSP_SERVLET = "jsp";
    /** Jasper's init parameter naming the one page a servlet serves. */
    static final String JSP_FILE_PARAM = "jspFile";

    private JspFiles() {
    }

    static ServletRegistration.Dynamic add(ServletContextImpl context, String servletName, String jspFile) {
        context.app().checkConfigurable();
        if (servletName == null || servletName.isEmpty()) {
            throw new IllegalArgumentException("ServletContext.addJspFile: the servlet name must not be empty");
        }
        if (jspFile != null && !jspFile.isEmpty() && !jspFile.startsWith("/")) {
            throw new IllegalArgumentException("ServletContext.addJspFile: " + jspFile + " must start with '/'");
        }
        ServletHolder jsp = context.app().servlet(JSP_SERVLET);
        if (jsp == null) {
            throw new UnsupportedOperationException("ServletContext.addJspFile: this application has no JSP "
                    + "servlet; add the module pronto-jsp (dev.pronto:pronto-jsp) to the class path");
        }
        ServletRegistration.Dynamic registration = context.addServlet(servletName, jsp.getClassName());
        if (registration == null) {
            return null; // §4.4.1.4: the name is taken
        }
        jsp.getInitParameters().forEach(registration::setInitParameter);
        if (jspFile != null && !jspFile.isEmpty()) {
            registration.setInitParameter(JSP_FILE_PARAM, jspFile);
        }
        return registration;
    }
}
