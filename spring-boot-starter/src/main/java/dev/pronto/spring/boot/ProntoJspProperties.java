package dev.pronto.spring.boot;

/** {@code server.pronto.jsp.*}: what Boot's {@code server.servlet.jsp.*} has no property for. Bound once. */
public class ProntoJspProperties {

    /**
     * Compile every JSP page when the application starts, and fail the start on a page that does not compile
     * (as Tomcat's JspC does); off: each page compiles on its first request.
     */
    private boolean precompile;

    public boolean isPrecompile() {
        return precompile;
    }

    public void setPrecompile(boolean precompile) {
        this.precompile = precompile;
    }
}
