package dev.pronto.servlet.resource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default servlet: serves the application's static resources for GET and HEAD with validators, conditional and
 * range requests (RFC 9110 §13, §14), welcome files (static, else forwarded to a servlet mapped to one) and no
 * listing; disk files go zero-copy. Thread-safe.
 */
public class DefaultServlet extends HttpServlet {

    /** The name it is registered under, which {@code getNamedDispatcher("default")} finds (as in Tomcat and Jetty). */
    public static final String NAME = "default";

    private static final String ALLOW = "GET, HEAD";

    /** Init parameter: welcome file names, comma-separated (default {@code index.html}). */
    public static final String WELCOME_FILES = "welcomeFiles";

    /**
     * Init parameter: {@code true} makes the resource path the path info alone, so that a mapping such as
     * {@code /static/*} serves the root of the resource base (default: servlet path plus path info).
     */
    public static final String PATH_INFO_ONLY = "pathInfoOnly";

    private List<String> welcomeFiles = List.of("index.html");
    private boolean pathInfoOnly;

    /**
     * Registers a {@code DefaultServlet} as {@value #NAME}, mapped to "/" unless another servlet has "/" (then it is
     * reachable by name only, e.g. Spring MVC's default servlet handler). Nothing happens if the name is taken.
     * Call while the context is being configured.
     */
    public static void install(ServletContext context) {
        install(context, List.of("index.html"));
    }

    /** Like {@link #install(ServletContext)}, with these welcome files (Servlet 6.1 §10.10), tried in order. */
    public static void install(ServletContext context, List<String> welcomeFiles) {
        ServletRegistration.Dynamic registration = context.addServlet(NAME, new DefaultServlet());
        if (registration == null) {
            return;
        }
        registration.setInitParameter(WELCOME_FILES, String.join(",", welcomeFiles));
        registration.setAsyncSupported(true);
        registration.addMapping("/"); // refused (a conflict) if the application already maps "/"
    }

    @Override
    public void init() throws ServletException {
        String welcome = getInitParameter(WELCOME_FILES);
        if (welcome != null) {
            List<String> files = new ArrayList<>();
            for (String file : welcome.split(",")) {
                if (!file.isBlank()) {
                    files.add(file.trim());
                }
            }
            welcomeFiles = List.copyOf(files);
        }
        pathInfoOnly = Boolean.parseBoolean(getInitParameter(PATH_INFO_ONLY));
    }

    /**
     * GET and HEAD; other methods get 405 with {@code Allow}, unless the request was forwarded, included or is an
     * error page, which are served as a GET would be (as Tomcat does). A directory without its trailing slash is
     * redirected to it; WEB-INF and META-INF are never served.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean readOnly = "GET".equals(method) || "HEAD".equals(method);
        if (!readOnly && request.getDispatcherType() == DispatcherType.REQUEST) {
            response.setHeader("Allow", ALLOW); // RFC 9110 §15.5.6: a 405 lists what is allowed
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        boolean include = request.getDispatcherType() == DispatcherType.INCLUDE;
        String path = resourcePath(request, include);
        if (isProtected(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.endsWith("/")) {
            String directory = path;
            path = welcomeFile(directory); // the welcome file's own name gives the content type
            if (path != null && servedByAnotherServlet(path)) { // e.g. index.jsp: run it, never send its source
                dispatchWelcome(request, response, path, include);
                return;
            }
            String servlet = path == null && !include ? WelcomeServlets.find(getServletContext(), directory,
                    welcomeFiles) : null;
            if (servlet != null) {
                // §10.10: "a forward, a redirect, or a container specific mechanism"; a forward keeps the URL
                getServletContext().getRequestDispatcher(servlet).forward(request, response);
                return;
            }
        }
        StaticResource resource = path == null ? null : StaticResource.lookup(getServletContext(), path);
        if (resource == null || resource.directory() && include) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (resource.directory()) {
            redirectToDirectory(request, response);
        } else if (isJspPage(path)) {
            // a page no JSP servlet took: never send its source (Tomcat's JSP servlet would have run it)
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "JSP page " + path
                    + " needs a JSP engine: add dev.pronto:pronto-jsp (Apache Jasper) to the class path");
        } else if (include) {
            ResourceBody.send(response, resource, 0, resource.length(), true);
        } else {
            new ResourceExchange(request, response, resource, mimeType(path)).respond();
        }
    }

    private static boolean isJspPage(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jsp") || lower.endsWith(".jspx");
    }

    /** The context-relative path asked for: servlet path plus path info, or the include's (Servlet 6.1 §9.3.1). */
    private String resourcePath(HttpServletRequest request, boolean include) {
        String servletPath = include ? (String) request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH)
                : request.getServletPath();
        String pathInfo = include ? (String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO)
                : request.getPathInfo();
        String path = pathInfoOnly ? (pathInfo == null ? "/" : pathInfo)
                : (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** Servlet 6.1 §10.5, §10.6: nothing under WEB-INF or META-INF is served directly. */
    private static boolean isProtected(String path) {
        String upper = path.toUpperCase(Locale.ROOT);
        return upper.startsWith("/WEB-INF/") || upper.equals("/WEB-INF") || upper.startsWith("/META-INF/")
                || upper.equals("/META-INF");
    }

    /** The path of the first welcome file present in {@code directory}, or null. */
    private String welcomeFile(String directory) throws IOException {
        for (String name : welcomeFiles) {
            StaticResource resource = StaticResource.lookup(getServletContext(), directory + name);
            if (resource != null && !resource.directory()) {
                return directory + name;
            }
        }
        return null; // no directory listing
    }

    /** Whether an extension mapping of another servlet (e.g. JSP's {@code *.jsp}) serves {@code path}. */
    private boolean servedByAnotherServlet(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || path.indexOf('/', dot) >= 0) {
            return false;
        }
        String pattern = "*" + path.substring(dot);
        for (ServletRegistration registration : getServletContext().getServletRegistrations().values()) {
            if (!registration.getName().equals(getServletName()) && registration.getMappings().contains(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** Servlet 6.1 §10.10: a welcome file another servlet serves is reached by a forward (an include's, included). */
    private void dispatchWelcome(HttpServletRequest request, HttpServletResponse response, String path,
                                 boolean include) throws ServletException, IOException {
        RequestDispatcher dispatcher = getServletContext().getRequestDispatcher(path);
        if (include) {
            dispatcher.include(request, response);
        } else {
            dispatcher.forward(request, response);
        }
    }

    /** A directory asked for without its trailing slash: relative links in its welcome file need the slash. */
    private static void redirectToDirectory(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String query = request.getQueryString();
        response.sendRedirect(request.getRequestURI() + '/' + (query == null ? "" : '?' + query));
    }

    private String mimeType(String path) {
        String type = getServletContext().getMimeType(path);
        return type != null ? type : "application/octet-stream"; // never let a client sniff a type
    }
}
