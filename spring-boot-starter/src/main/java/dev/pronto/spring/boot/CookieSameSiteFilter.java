package dev.pronto.spring.boot;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;

/**
 * Gives every cookie the application adds the {@code SameSite} attribute its {@link CookieSameSiteSupplier} beans
 * choose (first answer wins; an attribute the application set itself is kept). Stateless and thread-safe.
 */
final class CookieSameSiteFilter implements Filter {

    private final List<CookieSameSiteSupplier> suppliers;

    CookieSameSiteFilter(List<CookieSameSiteSupplier> suppliers) {
        this.suppliers = List.copyOf(suppliers);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            chain.doFilter(request, new SameSiteResponse(http));
        } else {
            chain.doFilter(request, response);
        }
    }

    private final class SameSiteResponse extends HttpServletResponseWrapper {
        SameSiteResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            if (cookie.getAttribute("SameSite") == null) {
                for (CookieSameSiteSupplier supplier : suppliers) {
                    SameSite sameSite = supplier.getSameSite(cookie);
                    if (sameSite != null) {
                        if (sameSite.attributeValue() != null) {
                            cookie.setAttribute("SameSite", sameSite.attributeValue());
                        }
                        break;
                    }
                }
            }
            super.addCookie(cookie);
        }
    }
}
