package dev.pronto.servlet.security;

import jakarta.servlet.ServletSecurityElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application's security as its deployment descriptor and code declare it, collected while the application is
 * being configured: constraints, {@code login-config}, realm, roles, role references, the failed-login limit.
 * Used by the configuring thread; {@link #build} makes the immutable {@link WebSecurity} the requests use.
 */
public final class SecurityConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Default largest request body a FORM login saves (as Tomcat's {@code maxSavePostSize}). */
    public static final int DEFAULT_MAX_SAVED_BODY = 4096;

    private final List<SecurityConstraint> constraints = new ArrayList<>();
    private final Set<String> declaredRoles = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> roleRefs = new HashMap<>();
    private LoginConfig loginConfig;
    private Realm realm;
    private boolean denyUncoveredHttpMethods;
    private LoginRateLimiter rateLimiter = LoginRateLimiter.defaults();
    private int maxSavedBody = DEFAULT_MAX_SAVED_BODY;
    private volatile boolean securityAnnotationsIgnored;

    /** A servlet whose {@code @ServletSecurity} or {@code setServletSecurity} applies to its mappings. */
    public record ServletConstraints(String servletName, Collection<String> patterns, ServletSecurityElement element) {
    }

    /** Adds a descriptor {@code security-constraint}; its roles become declared roles. */
    public void addConstraint(SecurityConstraint constraint) {
        constraints.add(constraint);
    }

    public void loginConfig(LoginConfig config) {
        this.loginConfig = config;
    }

    public void realm(Realm realm) {
        this.realm = realm;
    }

    /** {@code security-role} and {@code ServletContext.declareRoles}. */
    public void declareRoles(String... roles) {
        for (String role : roles) {
            if (role == null || role.isEmpty()) {
                throw new IllegalArgumentException("A role name must not be null or empty");
            }
            declaredRoles.add(role);
        }
    }

    /** {@code deny-uncovered-http-methods} (Servlet 6.1 §13.8.4). */
    public void denyUncoveredHttpMethods(boolean deny) {
        this.denyUncoveredHttpMethods = deny;
    }

    /** A servlet's {@code security-role-ref}: {@code isUserInRole(roleName)} in it tests {@code roleLink}. */
    public void roleRef(String servletName, String roleName, String roleLink) {
        roleRefs.computeIfAbsent(servletName, n -> new HashMap<>()).put(roleName, roleLink);
    }

    /** Failed-login rate limiting per remote address; {@code maxFailures <= 0} turns it off. */
    public void rateLimiter(LoginRateLimiter limiter) {
        this.rateLimiter = limiter;
    }

    /**
     * Whether servlet classes' {@code @ServletSecurity} is ignored: a {@code metadata-complete} descriptor is the
     * whole truth (Servlet 6.1 §8.1, §13.4); {@code setServletSecurity} still applies.
     */
    public void ignoreSecurityAnnotations(boolean ignore) {
        this.securityAnnotationsIgnored = ignore;
    }

    public boolean securityAnnotationsIgnored() {
        return securityAnnotationsIgnored;
    }

    /** Largest request body FORM saves to replay after the login (larger: 413). */
    public void maxSavedBody(int bytes) {
        this.maxSavedBody = bytes;
    }

    /** The URL patterns among {@code patterns} that a descriptor constraint names exactly (§13.4.1.3). */
    public Set<String> descriptorPatterns(Collection<String> patterns) {
        Set<String> found = new LinkedHashSet<>();
        for (SecurityConstraint c : constraints) {
            c.collections().forEach(w -> w.urlPatterns().stream().filter(patterns::contains).forEach(found::add));
        }
        return found;
    }

    /**
     * The security the requests use, or null when the application configured none (so requests pay nothing).
     * Annotation constraints apply to a servlet's patterns that no descriptor constraint names (§13.4.1.3).
     */
    public WebSecurity build(List<ServletConstraints> servlets) {
        List<SecurityConstraint> all = new ArrayList<>(constraints);
        for (ServletConstraints servlet : servlets) {
            List<String> patterns = new ArrayList<>(servlet.patterns());
            patterns.removeAll(descriptorPatterns(patterns));
            all.addAll(ServletSecurityConstraints.of(servlet.element(), patterns));
        }
        if (all.isEmpty() && loginConfig == null && realm == null) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>(declaredRoles);
        for (SecurityConstraint c : all) {
            if (c.roles() != null) {
                c.roles().stream().filter(r -> !r.equals("*") && !r.equals("**")).forEach(roles::add);
            }
        }
        ConstraintMap map = ConstraintMap.of(all);
        if (!map.uncoveredPatterns().isEmpty()) {
            // Servlet 6.1 §13.8.4: uncovered methods are reported when the application is deployed
            log.info(denyUncoveredHttpMethods ? "Uncovered HTTP methods answer 403 (deny-uncovered-http-methods) at {}"
                    : "Uncovered HTTP methods pass unconstrained (deny-uncovered-http-methods refuses them) at {}",
                    map.uncoveredPatterns());
        }
        Map<String, Map<String, String>> refs = new HashMap<>();
        roleRefs.forEach((servlet, links) -> refs.put(servlet, Map.copyOf(links)));
        return new WebSecurity(map, loginConfig, new RealmLogin(realm, rateLimiter), roles,
                denyUncoveredHttpMethods, refs, maxSavedBody);
    }

    /** The declared roles so far (for {@code ServletContext} checks and tests). */
    public Set<String> declaredRoles() {
        return Set.copyOf(declaredRoles);
    }
}
