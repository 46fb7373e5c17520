package dev.pronto.servlet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.HttpMethodConstraintElement;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity.EmptyRoleSemantic;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Servlet 6.1 §13.3 and §13.8: role tests ({@code *}, {@code **}, role references) and annotation mapping. */
class SecurityRulesTest {

    private static WebSecurity security(String... declared) {
        SecurityConfiguration config = new SecurityConfiguration();
        config.declareRoles(declared);
        config.roleRef("servlet", "boss", "manager");
        config.roleRef("servlet", "anyone", "**");
        return config.build(List.of(new SecurityConfiguration.ServletConstraints("servlet", List.of("/s/*"),
                new ServletSecurityElement())));
    }

    static Stream<Arguments> permits() {
        return Stream.of(
                // user roles, permitted roles, declared roles, expected
                Arguments.of(Set.of("a"), Set.of("a", "b"), Set.of(), true),
                Arguments.of(Set.of("c"), Set.of("a", "b"), Set.of(), false),
                Arguments.of(Set.of(), Set.of("**"), Set.of(), true), // ** = any authenticated user
                Arguments.of(Set.of(), Set.of("**"), Set.of("**"), false), // unless ** is a declared role
                Arguments.of(Set.of("**"), Set.of("**"), Set.of("**"), true),
                Arguments.of(Set.of("x"), Set.of("*"), Set.of("x", "y"), true), // * = any declared role
                Arguments.of(Set.of("z"), Set.of("*"), Set.of("x", "y"), false),
                Arguments.of(Set.of("z"), Set.of("*"), Set.of("*"), false), // a declared "*" is literal
                Arguments.of(Set.of("*"), Set.of("*"), Set.of("*"), true));
    }

    @ParameterizedTest(name = "user {0} vs {1} (declared {2}) -> {3}")
    @MethodSource("permits")
    void permitsRoles(Set<String> userRoles, Set<String> permitted, Set<String> declared, boolean expected) {
        WebSecurity security = security(declared.toArray(new String[0]));
        assertEquals(expected, security.permits(new UserPrincipal("u", userRoles), permitted));
    }

    static Stream<Arguments> inRole() {
        return Stream.of(
                // user roles, tested role, servlet, expected
                Arguments.of(Set.of("manager"), "manager", null, true),
                Arguments.of(Set.of("manager"), "boss", "servlet", true), // security-role-ref links boss->manager
                Arguments.of(Set.of("boss"), "boss", "servlet", false), // the ref replaces the name in that servlet
                Arguments.of(Set.of("boss"), "boss", "other", true),
                Arguments.of(Set.of("*"), "*", null, false), // "*" never
                Arguments.of(Set.of(), "**", null, true), // any authenticated user
                Arguments.of(Set.of(), "anyone", "servlet", true), // a ref to **
                Arguments.of(Set.of("a"), "b", null, false));
    }

    @ParameterizedTest(name = "user {0} isUserInRole({1}) in {2} -> {3}")
    @MethodSource("inRole")
    void isUserInRole(Set<String> userRoles, String role, String servlet, boolean expected) {
        assertEquals(expected, security().isUserInRole(new UserPrincipal("u", userRoles), role, servlet));
    }

    @Test
    void noUserIsInNoRole() {
        assertFalse(security().isUserInRole(null, "**", null));
    }

    @Test
    void annotationMapsToConstraints() {
        // @ServletSecurity(value = @HttpConstraint(rolesAllowed = "r"),
        //     httpMethodConstraints = {@HttpMethodConstraint(value = "GET"), @HttpMethodConstraint(value = "TRACE",
        //     emptyRoleSemantic = DENY)})
        ServletSecurityElement element = new ServletSecurityElement(
                new HttpConstraintElement(TransportGuarantee.NONE, "r"),
                List.of(new HttpMethodConstraintElement("GET"),
                        new HttpMethodConstraintElement("TRACE", new HttpConstraintElement(EmptyRoleSemantic.DENY))));
        ConstraintMap map = ConstraintMap.of(ServletSecurityConstraints.of(element, List.of("/s/*")));
        assertEquals(Access.Rule.PERMIT, map.access("/s/x", "GET").rule());
        assertEquals(Access.Rule.DENY, map.access("/s/x", "TRACE").rule());
        assertEquals(Set.of("r"), map.access("/s/x", "POST").roles());
    }

    @Test
    void descriptorPatternsOverrideAnnotations() {
        SecurityConfiguration config = new SecurityConfiguration();
        config.addConstraint(SecurityConstraint.permitAll(WebResourceCollection.of("/s/open")));
        ServletSecurityElement denyAll = new ServletSecurityElement(
                new HttpConstraintElement(EmptyRoleSemantic.DENY));
        assertEquals(Set.of("/s/open"), config.descriptorPatterns(List.of("/s/*", "/s/open")));
        WebSecurity security = config.build(List.of(
                new SecurityConfiguration.ServletConstraints("s", List.of("/s/*", "/s/open"), denyAll)));
        assertTrue(security.guards("/s/open"));
        assertTrue(security.guards("/s/x"));
        assertFalse(security.guards("/elsewhere"));
    }

    @Test
    void nothingConfiguredBuildsNothing() {
        assertEquals(null, new SecurityConfiguration().build(List.of()));
    }
}
