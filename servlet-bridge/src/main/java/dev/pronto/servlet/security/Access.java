package dev.pronto.servlet.security;

import java.util.List;
import java.util.Set;

/**
 * What the constraints combined at one URL pattern demand of one HTTP method (Servlet 6.1 §13.8.1). Immutable.
 *
 * @param rule         what the request must satisfy
 * @param roles        the permitted role names when {@code rule} is {@code AUTHENTICATE} ({@code *} and
 *                     {@code **} kept as written: what they mean depends on the declared roles)
 * @param confidential whether only a confidential (TLS) connection is accepted
 */
public record Access(Rule rule, Set<String> roles, boolean confidential) {

    /** The authorization a request must satisfy. */
    public enum Rule {
        /** No constraint names this method at the pattern: accepted, unless uncovered methods are denied. */
        UNCOVERED,
        /** Constrained, but some constraint has no auth-constraint: no authentication needed. */
        PERMIT,
        /** An auth-constraint naming no roles: nobody gets in (§13.8.1 — it overrides every other). */
        DENY,
        /** Authenticated users in one of {@link #roles} only. */
        AUTHENTICATE
    }

    static final Access UNCOVERED = new Access(Rule.UNCOVERED, Set.of(), false);

    /**
     * Combines the constraints that apply to one method at one pattern (§13.8.1): auth-constraints yield the
     * union of their roles; one without auth-constraint allows unauthenticated access; one naming no roles
     * precludes access whatever the others say; the accepted connection types are the union of each one's, so
     * CONFIDENTIAL holds only when every constraint demands it.
     */
    static Access combine(List<SecurityConstraint> constraints) {
        if (constraints.isEmpty()) {
            return UNCOVERED;
        }
        boolean deny = false;
        boolean permit = false;
        boolean confidential = true;
        Set<String> roles = new java.util.LinkedHashSet<>();
        for (SecurityConstraint c : constraints) {
            confidential &= c.transport() != jakarta.servlet.annotation.ServletSecurity.TransportGuarantee.NONE;
            if (c.roles() == null) {
                permit = true;
            } else if (c.roles().isEmpty()) {
                deny = true;
            } else {
                roles.addAll(c.roles());
            }
        }
        if (deny) {
            return new Access(Rule.DENY, Set.of(), confidential);
        }
        if (permit) {
            return new Access(Rule.PERMIT, Set.of(), confidential);
        }
        return new Access(Rule.AUTHENTICATE, Set.copyOf(roles), confidential);
    }

    /** Whether this access needs an authenticated user. */
    public boolean needsAuthentication() {
        return rule == Rule.AUTHENTICATE;
    }
}
