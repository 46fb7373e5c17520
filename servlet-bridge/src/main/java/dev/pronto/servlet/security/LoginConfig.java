package dev.pronto.servlet.security;

import java.util.Locale;

/**
 * The {@code login-config} of an application (Servlet 6.1 §13.6): the authentication mechanism, the realm name
 * sent in challenges, and FORM's pages (context-relative paths starting with '/'). Immutable.
 */
public record LoginConfig(String authMethod, String realmName, String formLoginPage, String formErrorPage) {

    /** The mechanisms Pronto implements ({@code CLIENT-CERT} needs a TLS port asking for client certificates). */
    public static final String BASIC = "BASIC";
    public static final String FORM = "FORM";
    public static final String DIGEST = "DIGEST";
    public static final String CLIENT_CERT = "CLIENT-CERT";

    public LoginConfig {
        authMethod = authMethod == null ? BASIC : authMethod.trim().toUpperCase(Locale.ROOT);
        if (!authMethod.equals(BASIC) && !authMethod.equals(FORM) && !authMethod.equals(DIGEST)
                && !authMethod.equals(CLIENT_CERT)) {
            throw new IllegalArgumentException("auth-method " + authMethod + " is not supported (BASIC, FORM, "
                    + "DIGEST and CLIENT-CERT are)");
        }
        realmName = realmName == null || realmName.isBlank() ? "Pronto" : realmName;
        if (authMethod.equals(FORM)) {
            requirePage("form-login-page", formLoginPage);
            requirePage("form-error-page", formErrorPage);
        }
    }

    private static void requirePage(String what, String page) {
        if (page == null || !page.startsWith("/")) {
            throw new IllegalArgumentException("FORM login needs a " + what + " starting with '/', not " + page);
        }
    }
}
