package dev.pronto.deploy.descriptor;

import dev.pronto.deploy.DeploymentException;
import dev.pronto.servlet.jsp.JspConfig;
import dev.pronto.servlet.jsp.JspPropertyGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a descriptor's {@code <jsp-config>} (Servlet 6.1 §14.4.25, Pages 4.0 §3): {@code taglib} and
 * {@code jsp-property-group} elements. Stateless.
 */
final class JspConfigReader {

    private JspConfigReader() {
    }

    static JspConfig read(XmlElement e) {
        List<JspConfig.Taglib> taglibs = new ArrayList<>();
        for (XmlElement taglib : e.children("taglib")) {
            taglibs.add(new JspConfig.Taglib(text(taglib, "taglib-uri"), text(taglib, "taglib-location")));
        }
        List<JspPropertyGroup> groups = new ArrayList<>();
        for (XmlElement group : e.children("jsp-property-group")) {
            groups.add(new JspPropertyGroup(group.childTexts("url-pattern"), group.childText("el-ignored"),
                    group.childText("error-on-el-not-found"), group.childText("page-encoding"),
                    group.childText("scripting-invalid"), group.childText("is-xml"),
                    group.childTexts("include-prelude"), group.childTexts("include-coda"),
                    group.childText("deferred-syntax-allowed-as-literal"),
                    group.childText("trim-directive-whitespaces"), group.childText("default-content-type"),
                    group.childText("buffer"), group.childText("error-on-undeclared-namespace")));
        }
        return new JspConfig(taglibs, groups);
    }

    private static String text(XmlElement e, String child) {
        String value = e.childText(child);
        if (value == null || value.isBlank()) {
            throw new DeploymentException("<" + e.name() + "> needs <" + child + "> ("
                    + e.location() + ")");
        }
        return value;
    }
}
