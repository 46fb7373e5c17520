package dev.pronto.deploy.descriptor;

import dev.pronto.servlet.security.SecurityConstraint;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the security elements of a descriptor (Servlet 6.1 §13.8, §14) into the servlet bridge's security model:
 * {@code <security-constraint>} and {@code <login-config>}. Stateless.
 */
final class DescriptorSecurity {

    private DescriptorSecurity() {
    }

    /**
     * A {@code <security-constraint>}: no {@code <auth-constraint>} means no role check (null roles); an empty one
     * denies everyone (an empty set).
     */
    static SecurityConstraint constraint(XmlElement e) {
        List<WebResourceCollection> collections = new ArrayList<>();
        for (XmlElement c : e.children("web-resource-collection")) {
            collections.add(new WebResourceCollection(c.childText("web-resource-name"), c.childTexts("url-pattern"),
                    new LinkedHashSet<>(c.childTexts("http-method")),
                    new LinkedHashSet<>(c.childTexts("http-method-omission"))));
        }
        XmlElement auth = e.child("auth-constraint");
        Set<String> roles = auth == null ? null : new LinkedHashSet<>(auth.childTexts("role-name"));
        XmlElement data = e.child("user-data-constraint");
        String guarantee = data == null ? null : data.childText("transport-guarantee");
        return new SecurityConstraint(collections, roles, SecurityConstraint.transportGuarantee(guarantee));
    }

    static WebXml.LoginConfigDef loginConfig(XmlElement e) {
        XmlElement form = e.child("form-login-config");
        return new WebXml.LoginConfigDef(e.childText("auth-method"), e.childText("realm-name"),
                form == null ? null : form.childText("form-login-page"),
                form == null ? null : form.childText("form-error-page"));
    }
}
