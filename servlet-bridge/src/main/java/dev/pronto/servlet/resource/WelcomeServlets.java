package dev.pronto.servlet.resource;

import dev.pronto.servlet.mapping.UrlPattern;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.MappingMatch;
import java.util.List;

/**
 * Servlet 6.1 §10.10, second pass: when no welcome file exists as a static resource of a directory, the first
 * welcome file that a servlet other than the default servlet is mapped to (exactly, by path prefix or by extension)
 * is the directory's welcome resource. Stateless; thread-safe.
 */
final class WelcomeServlets {

    private WelcomeServlets() {
    }

    /** The context-relative path of {@code directory}'s first servlet-mapped welcome file, or null. */
    static String find(ServletContext context, String directory, List<String> welcomeFiles) {
        for (String name : welcomeFiles) {
            String path = directory + name;
            if (mapped(context, path)) {
                return path;
            }
        }
        return null;
    }

    private static boolean mapped(ServletContext context, String path) {
        for (ServletRegistration registration : context.getServletRegistrations().values()) {
            if (registration.getName().equals(DefaultServlet.NAME)) {
                continue;
            }
            for (String pattern : registration.getMappings()) {
                UrlPattern parsed = UrlPattern.parse(pattern);
                MappingMatch kind = parsed.kind();
                if (kind != MappingMatch.DEFAULT && kind != MappingMatch.CONTEXT_ROOT && parsed.matchesFilterPath(path)) {
                    return true;
                }
            }
        }
        return false;
    }
}
