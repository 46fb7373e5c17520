package dev.pronto.spring.boot;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.server.servlet.ServletContextInitializers;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Runs Boot's {@link ServletContextInitializer}s, in {@link ServletContextInitializers} order, as the web
 * application's one container initializer; the application context registers its servlets and filters here.
 * Embedded Boot containers run no classpath {@code ServletContainerInitializer}s. Runs once, on the thread
 * that calls {@code getWebServer()}.
 */
final class BootInitializers implements ServletContainerInitializer {

    static final String SAME_SITE_FILTER = "prontoCookieSameSite";

    private final ServletContextInitializers initializers;
    private final List<CookieSameSiteSupplier> sameSiteSuppliers;
    private final SameSite sessionSameSite;

    BootInitializers(ServletContextInitializers initializers, List<CookieSameSiteSupplier> sameSiteSuppliers,
                     SameSite sessionSameSite) {
        this.initializers = initializers;
        this.sameSiteSuppliers = List.copyOf(sameSiteSuppliers);
        this.sessionSameSite = sessionSameSite;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (!sameSiteSuppliers.isEmpty()) {
            // Registered first, so its wrapper sees every cookie the application's filters and servlets add.
            FilterRegistration.Dynamic filter = context.addFilter(SAME_SITE_FILTER,
                    new CookieSameSiteFilter(sameSiteSuppliers));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        }
        for (ServletContextInitializer initializer : initializers) {
            initializer.onStartup(context);
        }
        applySessionSameSite(context);
    }

    /**
     * The session cookie is made by the container, not through a response wrapper, so its SameSite goes into the
     * SessionCookieConfig (Servlet 6.1 §7.1.1 attributes): {@code server.servlet.session.cookie.same-site} first,
     * else the first supplier that answers for a cookie of that name (as Tomcat's cookie processor would).
     */
    private void applySessionSameSite(ServletContext context) {
        String name = context.getSessionCookieConfig().getName();
        SameSite sameSite = sessionSameSite;
        if (sameSite == null) {
            jakarta.servlet.http.Cookie probe = new jakarta.servlet.http.Cookie(name, "probe");
            for (CookieSameSiteSupplier supplier : sameSiteSuppliers) {
                sameSite = supplier.getSameSite(probe);
                if (sameSite != null) {
                    break;
                }
            }
        }
        if (sameSite != null && sameSite.attributeValue() != null
                && context.getSessionCookieConfig().getAttribute("SameSite") == null) {
            context.getSessionCookieConfig().setAttribute("SameSite", sameSite.attributeValue());
        }
    }
}
