package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pronto.servlet.security.Access.Rule;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Servlet 6.1 §13.8: selecting the best-matching constraint pattern and combining constraints, rule by rule. */
class ConstraintMapTest {

    private static SecurityConstraint roles(WebResourceCollection c, String... roles) {
        return SecurityConstraint.roles(c, roles);
    }

    private static final ConstraintMap MAP = ConstraintMap.of(List.of(
            // §13.8.3 pattern selection: exact, longest prefix, extension, default
            roles(WebResourceCollection.of("/"), "default"),
            roles(WebResourceCollection.of("/a/*"), "a"),
            roles(WebResourceCollection.of("/a/b/*"), "ab"),
            roles(WebResourceCollection.of("/a/b/exact"), "exact"),
            roles(WebResourceCollection.of("*.jsp"), "jsp"),
            // http-method: only GET is constrained at /m/*
            roles(WebResourceCollection.of("/m/*").methods("GET"), "getter"),
            // http-method-omission: everything but GET is constrained at /o/*
            roles(WebResourceCollection.of("/o/*").omitting("GET"), "writer"),
            // §13.8.1: roles of two constraints on one pattern and method are a union
            roles(WebResourceCollection.of("/u/*"), "r1"),
            roles(WebResourceCollection.of("/u/*"), "r2"),
            // §13.8.1: a constraint without auth-constraint allows unauthenticated access
            roles(WebResourceCollection.of("/p/*"), "r1"),
            SecurityConstraint.permitAll(WebResourceCollection.of("/p/*")),
            // §13.8.1: an auth-constraint naming no roles overrides every other constraint
            roles(WebResourceCollection.of("/d/*"), "r1"),
            SecurityConstraint.permitAll(WebResourceCollection.of("/d/*")),
            roles(WebResourceCollection.of("/d/*").methods("DELETE")),
            // method lists combine per method: POST constrained twice, GET once
            roles(WebResourceCollection.of("/x/*").methods("GET", "POST"), "r1"),
            roles(WebResourceCollection.of("/x/*").methods("POST"), "r2"),
            // an omission list and a method list on one pattern
            roles(WebResourceCollection.of("/y/*").omitting("GET"), "w"),
            roles(WebResourceCollection.of("/y/*").methods("PUT"), "p"),
            // §13.8.1: CONFIDENTIAL only when every applying constraint demands it
            roles(WebResourceCollection.of("/t/*"), "r1").transport(TransportGuarantee.CONFIDENTIAL),
            roles(WebResourceCollection.of("/tn/*"), "r1").transport(TransportGuarantee.CONFIDENTIAL),
            roles(WebResourceCollection.of("/tn/*"), "r2"),
            // * and ** are kept as written
            roles(WebResourceCollection.of("/star/*"), "*"),
            roles(WebResourceCollection.of("/any/*"), "**")));

    static Stream<Arguments> cases() {
        return Stream.of(
                // path, method, expected rule, expected roles, confidential
                Arguments.of("/other", "GET", Rule.AUTHENTICATE, Set.of("default"), false),
                Arguments.of("/a", "GET", Rule.AUTHENTICATE, Set.of("a"), false),
                Arguments.of("/a/x", "GET", Rule.AUTHENTICATE, Set.of("a"), false),
                Arguments.of("/a/b/x", "GET", Rule.AUTHENTICATE, Set.of("ab"), false),
                Arguments.of("/a/b/exact", "GET", Rule.AUTHENTICATE, Set.of("exact"), false),
                Arguments.of("/a/b/page.jsp", "GET", Rule.AUTHENTICATE, Set.of("ab"), false), // prefix beats extension
                Arguments.of("/z/page.jsp", "GET", Rule.AUTHENTICATE, Set.of("jsp"), false), // extension beats default
                Arguments.of("/m/x", "GET", Rule.AUTHENTICATE, Set.of("getter"), false),
                Arguments.of("/m/x", "POST", Rule.UNCOVERED, Set.of(), false),
                Arguments.of("/o/x", "GET", Rule.UNCOVERED, Set.of(), false),
                Arguments.of("/o/x", "POST", Rule.AUTHENTICATE, Set.of("writer"), false),
                Arguments.of("/o/x", "BREW", Rule.AUTHENTICATE, Set.of("writer"), false),
                Arguments.of("/u/x", "GET", Rule.AUTHENTICATE, Set.of("r1", "r2"), false),
                Arguments.of("/p/x", "GET", Rule.PERMIT, Set.of(), false),
                Arguments.of("/d/x", "GET", Rule.PERMIT, Set.of(), false),
                Arguments.of("/d/x", "DELETE", Rule.DENY, Set.of(), false),
                Arguments.of("/x/x", "GET", Rule.AUTHENTICATE, Set.of("r1"), false),
                Arguments.of("/x/x", "POST", Rule.AUTHENTICATE, Set.of("r1", "r2"), false),
                Arguments.of("/x/x", "PUT", Rule.UNCOVERED, Set.of(), false),
                Arguments.of("/y/x", "GET", Rule.UNCOVERED, Set.of(), false),
                Arguments.of("/y/x", "PUT", Rule.AUTHENTICATE, Set.of("w", "p"), false),
                Arguments.of("/y/x", "POST", Rule.AUTHENTICATE, Set.of("w"), false),
                Arguments.of("/t/x", "GET", Rule.AUTHENTICATE, Set.of("r1"), true),
                Arguments.of("/tn/x", "GET", Rule.AUTHENTICATE, Set.of("r1", "r2"), false),
                Arguments.of("/star/x", "GET", Rule.AUTHENTICATE, Set.of("*"), false),
                Arguments.of("/any/x", "GET", Rule.AUTHENTICATE, Set.of("**"), false));
    }

    @ParameterizedTest(name = "{1} {0} -> {2} {3}")
    @MethodSource("cases")
    void matchesAndCombines(String path, String method, Rule rule, Set<String> roles, boolean confidential) {
        Access access = MAP.access(path, method);
        assertEquals(rule, access.rule());
        assertEquals(roles, access.roles());
        assertEquals(confidential, access.confidential());
    }

    @Test
    void noPatternMatchingMeansNoConstraint() {
        ConstraintMap map = ConstraintMap.of(List.of(roles(WebResourceCollection.of("/admin/*"), "admin")));
        assertNull(map.access("/public", "GET"));
        assertEquals(Rule.AUTHENTICATE, map.access("/admin", "GET").rule());
        assertNull(ConstraintMap.of(List.of()).access("/x", "GET"));
    }

    @Test
    void reportsPatternsWithUncoveredMethods() {
        ConstraintMap map = ConstraintMap.of(List.of(
                roles(WebResourceCollection.of("/m/*").methods("GET"), "r"),
                roles(WebResourceCollection.of("/o/*").omitting("GET"), "r"),
                roles(WebResourceCollection.of("/all/*"), "r")));
        assertEquals(List.of("/m/* every method but [GET]", "/o/* [GET]"), map.uncoveredPatterns());
    }

    @Test
    void descriptorTransportGuarantees() {
        assertEquals(TransportGuarantee.NONE, SecurityConstraint.transportGuarantee(null));
        assertEquals(TransportGuarantee.NONE, SecurityConstraint.transportGuarantee("NONE"));
        assertEquals(TransportGuarantee.CONFIDENTIAL, SecurityConstraint.transportGuarantee("INTEGRAL"));
        assertEquals(TransportGuarantee.CONFIDENTIAL, SecurityConstraint.transportGuarantee(" confidential "));
        assertThrows(IllegalArgumentException.class, () -> SecurityConstraint.transportGuarantee("SECRET"));
    }

    @Test
    void methodsAndOmissionsTogetherAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WebResourceCollection(null, List.of("/x"),
                Set.of("GET"), Set.of("POST")));
    }
}
