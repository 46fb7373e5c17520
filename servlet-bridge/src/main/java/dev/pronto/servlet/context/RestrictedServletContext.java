package dev.pronto.servlet.context;

import jakarta.servlet.ServletContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * The view of the context a {@code ServletContextListener} gets when it was added with
 * {@code ServletContext.addListener} rather than declared (descriptor, {@code @WebListener}, the builder): Servlet
 * 6.1 §4.4 says the configuration methods then throw {@code UnsupportedOperationException}; everything else is the
 * real context. Stateless apart from its target; thread-safe as the context is.
 */
final class RestrictedServletContext {

    /** The methods whose javadoc carries the "neither declared … nor annotated with WebListener" clause. */
    private static final Set<String> RESTRICTED = Set.of("setInitParameter", "addServlet", "addJspFile",
            "createServlet", "getServletRegistration", "getServletRegistrations", "addFilter", "createFilter",
            "getFilterRegistration", "getFilterRegistrations", "getSessionCookieConfig", "setSessionTrackingModes",
            "addListener", "createListener", "declareRoles", "setSessionTimeout", "setRequestCharacterEncoding",
            "setResponseCharacterEncoding");

    private RestrictedServletContext() {
    }

    static ServletContext of(ServletContext context) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (RESTRICTED.contains(method.getName())) {
                        throw new UnsupportedOperationException("ServletContext." + method.getName()
                                + ": not allowed for a ServletContextListener added programmatically (Servlet 6.1 §4.4)");
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "restricted " + context;
                        };
                    }
                    try {
                        return method.invoke(context, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
