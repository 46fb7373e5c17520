package dev.pronto.servlet.security;

import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.HttpMethodConstraintElement;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.ServletSecurity.EmptyRoleSemantic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code @ServletSecurity} / {@code setServletSecurity} into descriptor constraints on the servlet's URL
 * patterns (Servlet 6.1 §13.4.1.3): each {@code @HttpMethodConstraint} constrains its method; the
 * {@code @HttpConstraint} constrains every other method (the named ones are its {@code http-method-omission}s),
 * unless it is all defaults beside a method constraint that is not. Stateless.
 */
public final class ServletSecurityConstraints {

    private ServletSecurityConstraints() {
    }

    /** The constraints {@code element} places on {@code patterns} (none when there are no patterns). */
    public static List<SecurityConstraint> of(ServletSecurityElement element, Collection<String> patterns) {
        List<SecurityConstraint> constraints = new ArrayList<>();
        if (patterns.isEmpty()) {
            return constraints;
        }
        WebResourceCollection all = new WebResourceCollection(null, List.copyOf(patterns), Set.of(), Set.of());
        for (HttpMethodConstraintElement method : element.getHttpMethodConstraints()) {
            constraints.add(constraint(all.methods(method.getMethodName()), method));
        }
        Collection<String> named = element.getMethodNames();
        if (allDefaults(element) && element.getHttpMethodConstraints().stream().anyMatch(m -> !allDefaults(m))) {
            // §13.4.1.2/§13.4.1.3: a default @HttpConstraint beside a non-default @HttpMethodConstraint makes no
            // constraint, so the other methods stay uncovered (and deny-uncovered-http-methods denies them)
            return constraints;
        }
        constraints.add(constraint(named.isEmpty() ? all : all.omitting(named.toArray(new String[0])), element));
        return constraints;
    }

    /** PERMIT, no roles, no transport guarantee: what an empty {@code @HttpConstraint} returns. */
    private static boolean allDefaults(HttpConstraintElement e) {
        return e.getEmptyRoleSemantic() == EmptyRoleSemantic.PERMIT && e.getRolesAllowed().length == 0
                && e.getTransportGuarantee() == ServletSecurity.TransportGuarantee.NONE;
    }

    private static SecurityConstraint constraint(WebResourceCollection collection, HttpConstraintElement e) {
        Set<String> roles;
        if (e.getEmptyRoleSemantic() == EmptyRoleSemantic.DENY) {
            roles = Set.of(); // §13.4.1.3: DENY with no roles is an auth-constraint naming none
        } else {
            roles = e.getRolesAllowed().length == 0 ? null : Set.of(e.getRolesAllowed());
        }
        return new SecurityConstraint(List.of(collection), roles, e.getTransportGuarantee());
    }
}
