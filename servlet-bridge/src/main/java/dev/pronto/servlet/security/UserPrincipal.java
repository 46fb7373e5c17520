package dev.pronto.servlet.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * An authenticated user as a realm describes it: the name and the application roles it is in. Immutable;
 * serializable so that a FORM login survives in any session store.
 */
public record UserPrincipal(String name, Set<String> roles) implements Principal, Serializable {

    public UserPrincipal {
        if (name == null) {
            throw new IllegalArgumentException("A user needs a name");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "user '" + name + "'"; // never credentials
    }
}
