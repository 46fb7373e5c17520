package dev.pronto.servlet.dispatch;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.StringJoiner;

/**
 * The {@code Allow} value of a servlet class (RFC 9110 §10.2.1) without {@code TRACE}: an {@code HttpServlet} allows
 * the methods whose {@code doXxx} it overrides (GET implies HEAD; OPTIONS always), the way
 * {@code HttpServlet.doOptions} finds them; any other servlet may answer anything. Computed once per class;
 * thread-safe.
 */
final class AllowedMethods {

    /** What a servlet whose methods cannot be known is assumed to take. */
    static final String ANY = "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH";

    private static final String[][] HANDLERS = {
        {"doGet", "GET, HEAD"}, {"doPost", "POST"}, {"doPut", "PUT"}, {"doDelete", "DELETE"}, {"doPatch", "PATCH"},
    };

    private static final ClassValue<String> CACHE = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return compute(type);
        }
    };

    private AllowedMethods() {
    }

    /** The methods {@code servletClass} answers, for a 405's {@code Allow}; {@link #ANY} when unknown. */
    static String of(Class<? extends Servlet> servletClass) {
        return servletClass == null ? ANY : CACHE.get(servletClass);
    }

    private static String compute(Class<?> type) {
        if (!HttpServlet.class.isAssignableFrom(type) || overrides(type, "service")) {
            return ANY; // it dispatches methods itself
        }
        StringJoiner allow = new StringJoiner(", ");
        for (String[] handler : HANDLERS) {
            if (overrides(type, handler[0])) {
                allow.add(handler[1]);
            }
        }
        return allow.add("OPTIONS").toString();
    }

    /** True if a class between {@code type} and {@code HttpServlet} declares the HTTP-typed method {@code name}. */
    private static boolean overrides(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != HttpServlet.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name, HttpServletRequest.class, HttpServletResponse.class);
                if (m != null) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // not declared here: look further up
            }
        }
        return false;
    }
}
