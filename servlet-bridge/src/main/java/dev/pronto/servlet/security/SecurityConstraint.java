package dev.pronto.servlet.security;

import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code security-constraint} as a deployment descriptor declares it (Servlet 6.1 §13.8): the resources it
 * covers, who may reach them and over which transport. Immutable.
 *
 * @param collections the {@code web-resource-collection}s (at least one)
 * @param roles       the {@code auth-constraint}'s role names: {@code null} when the constraint has no
 *                    auth-constraint (anyone may reach the resources), empty to deny all access, or roles
 *                    where {@code *} means every declared role and {@code **} any authenticated user
 * @param transport   the {@code user-data-constraint}'s transport guarantee ({@code NONE} when absent;
 *                    {@code INTEGRAL} is mapped to {@code CONFIDENTIAL} by the caller, as §13.8 lets it)
 */
public record SecurityConstraint(List<WebResourceCollection> collections, Set<String> roles,
                                 TransportGuarantee transport) {

    public SecurityConstraint {
        collections = List.copyOf(collections);
        if (collections.isEmpty()) {
            throw new IllegalArgumentException("A security constraint needs at least one web-resource-collection");
        }
        roles = roles == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        transport = transport == null ? TransportGuarantee.NONE : transport;
    }

    /** A constraint that lets only the given roles in (none: nobody) over any transport. */
    public static SecurityConstraint roles(WebResourceCollection collection, String... roles) {
        return new SecurityConstraint(List.of(collection), Set.of(roles), TransportGuarantee.NONE);
    }

    /** A constraint without auth-constraint: the resources need no authentication. */
    public static SecurityConstraint permitAll(WebResourceCollection collection) {
        return new SecurityConstraint(List.of(collection), null, TransportGuarantee.NONE);
    }

    /**
     * A descriptor's {@code transport-guarantee} text: {@code NONE} (or null), {@code INTEGRAL} or
     * {@code CONFIDENTIAL}; INTEGRAL is served as CONFIDENTIAL (both mean TLS, §13.8.1).
     */
    public static TransportGuarantee transportGuarantee(String descriptorValue) {
        if (descriptorValue == null) {
            return TransportGuarantee.NONE;
        }
        return switch (descriptorValue.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "NONE", "" -> TransportGuarantee.NONE;
            case "INTEGRAL", "CONFIDENTIAL" -> TransportGuarantee.CONFIDENTIAL;
            default -> throw new IllegalArgumentException("Unknown transport-guarantee " + descriptorValue);
        };
    }

    /** The same constraint with a transport guarantee. */
    public SecurityConstraint transport(TransportGuarantee guarantee) {
        return new SecurityConstraint(collections, roles, guarantee);
    }

    /**
     * A {@code web-resource-collection}: URL patterns and the methods the constraint applies to there — the
     * {@code http-method}s listed, or every method but the {@code http-method-omission}s, or (neither) all.
     * Immutable.
     */
    public record WebResourceCollection(String name, List<String> urlPatterns, Set<String> httpMethods,
                                        Set<String> httpMethodOmissions) {

        public WebResourceCollection {
            urlPatterns = List.copyOf(urlPatterns);
            if (urlPatterns.isEmpty()) {
                throw new IllegalArgumentException("A web-resource-collection needs at least one url-pattern");
            }
            httpMethods = httpMethods == null ? Set.of() : Set.copyOf(httpMethods);
            httpMethodOmissions = httpMethodOmissions == null ? Set.of() : Set.copyOf(httpMethodOmissions);
            if (!httpMethods.isEmpty() && !httpMethodOmissions.isEmpty()) {
                // the descriptor schema allows one or the other (Servlet 6.1 §13.8.1)
                throw new IllegalArgumentException("A web-resource-collection has http-method or "
                        + "http-method-omission elements, not both");
            }
        }

        /** All methods at these patterns. */
        public static WebResourceCollection of(String... urlPatterns) {
            return new WebResourceCollection(null, List.of(urlPatterns), Set.of(), Set.of());
        }

        /** Only these methods at the patterns (a new collection). */
        public WebResourceCollection methods(String... methods) {
            return new WebResourceCollection(name, urlPatterns, Set.of(methods), Set.of());
        }

        /** Every method but these at the patterns (a new collection). */
        public WebResourceCollection omitting(String... methods) {
            return new WebResourceCollection(name, urlPatterns, Set.of(), Set.of(methods));
        }

        /** Whether this collection's constraint applies to {@code method}. */
        boolean covers(String method) {
            if (!httpMethods.isEmpty()) {
                return httpMethods.contains(method);
            }
            return !httpMethodOmissions.contains(method);
        }

        @Override
        public String toString() {
            return "web-resource-collection" + (name == null ? "" : " '" + name + "'") + ' ' + urlPatterns
                    + (httpMethods.isEmpty() ? "" : " methods " + httpMethods)
                    + (httpMethodOmissions.isEmpty() ? "" : " omitting " + httpMethodOmissions);
        }
    }

    @Override
    public String toString() {
        return "security-constraint " + collections + " roles " + (roles == null ? "(none needed)" : roles) + ' '
                + transport;
    }
}
