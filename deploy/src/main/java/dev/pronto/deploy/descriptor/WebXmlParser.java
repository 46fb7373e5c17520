package dev.pronto.deploy.descriptor;

import dev.pronto.deploy.DeploymentException;
import dev.pronto.servlet.jsp.JspConfig;
import dev.pronto.deploy.descriptor.WebXml.ErrorPageDef;
import dev.pronto.deploy.descriptor.WebXml.FilterDef;
import dev.pronto.deploy.descriptor.WebXml.FilterMappingDef;
import dev.pronto.deploy.descriptor.WebXml.ServletDef;
import dev.pronto.deploy.descriptor.WebXml.ServletMappingDef;
import dev.pronto.deploy.descriptor.WebXml.SessionConfigDef;
import dev.pronto.deploy.descriptor.WebXml.Unsupported;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code web.xml} (schema versions 2.2 to 6.1) and {@code web-fragment.xml} (3.0 to 6.1) into a
 * {@link WebXml}. Elements of features Pronto lacks (security, JSP, JNDI) are recorded as {@link Unsupported}; a bad
 * value fails with its location. Stateless; thread-safe.
 */
public final class WebXmlParser {

    private static final Logger LOG = LoggerFactory.getLogger(WebXmlParser.class);

    /**
     * Schema versions by namespace: Servlet 2.4 (J2EE), 2.5 and 3.0 (Java EE 5 and 6), 3.1 and 4.0 (xmlns.jcp.org),
     * 5.0 to 6.1 (Jakarta EE). Older descriptors have no namespace and name their version in the DOCTYPE.
     */
    private static final Map<String, Set<String>> VERSIONS = Map.of(
            "http://java.sun.com/xml/ns/j2ee", Set.of("2.4"),
            "http://java.sun.com/xml/ns/javaee", Set.of("2.5", "3.0"),
            "http://xmlns.jcp.org/xml/ns/javaee", Set.of("3.1", "4.0"),
            "https://jakarta.ee/xml/ns/jakartaee", Set.of("5.0", "6.0", "6.1"));
    /** The DOCTYPE public ids of Servlet 2.2 and 2.3 descriptors (DTDs, no namespace). */
    private static final Map<String, String> DTD_VERSIONS = Map.of(
            "-//Sun Microsystems, Inc.//DTD Web Application 2.2//EN", "2.2",
            "-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN", "2.3");
    private static final Set<String> DESCRIPTIVE = Set.of("description", "display-name", "icon", "distributable",
            "module-name", "ordering", "absolute-ordering", "name");
    private static final Map<String, String> UNSUPPORTED = unsupportedElements();

    private WebXmlParser() {
    }

    private static Map<String, String> unsupportedElements() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String jndi : List.of("env-entry", "ejb-ref", "ejb-local-ref", "service-ref", "resource-ref",
                "resource-env-ref", "message-destination-ref", "message-destination", "persistence-context-ref",
                "persistence-unit-ref", "data-source", "jms-connection-factory", "jms-destination", "mail-session",
                "connection-factory", "administered-object", "context-service", "managed-executor",
                "managed-scheduled-executor", "managed-thread-factory")) {
            map.put(jndi, "JNDI resources and injection");
        }
        map.put("post-construct", "lifecycle callbacks");
        map.put("pre-destroy", "lifecycle callbacks");
        return map;
    }

    /** Parses a {@code web.xml} ({@code fragment == false}) or a {@code web-fragment.xml}. */
    public static WebXml parse(InputStream in, String source, boolean fragment) {
        XmlElement root = XmlReader.read(in, source);
        String expected = fragment ? "web-fragment" : "web-app";
        WebXml xml = new WebXml(source, fragment);
        xml.version = version(root, expected, source);
        xml.metadataComplete = Boolean.parseBoolean(root.attribute("metadata-complete"));
        for (XmlElement element : root.children()) {
            read(xml, element);
        }
        return xml;
    }

    /**
     * Checks the root element and gives the descriptor's schema version: the {@code version} attribute, or the DTD's
     * for a 2.2/2.3 descriptor (Servlet 6.1 §8: a container reads the descriptors of earlier versions too). The
     * version is what {@code getEffectiveMajorVersion}/{@code MinorVersion} report.
     */
    private static String version(XmlElement root, String expected, String source) {
        if (!root.name().equals(expected)) {
            throw new DeploymentException(source + ": the root element must be <" + expected + ">, not <"
                    + root.name() + "> (" + root.location() + ")");
        }
        String version = root.attribute("version");
        Set<String> known = VERSIONS.get(root.namespace());
        if (root.namespace().isEmpty() && version == null && root.doctypePublicId() != null && !fragment(expected)) {
            version = DTD_VERSIONS.get(root.doctypePublicId());
            known = version == null ? null : Set.of(version);
        }
        if (known == null || version != null && !known.contains(version)) {
            throw new DeploymentException(source + " declares " + (version == null ? "an unknown schema"
                    : "version " + version) + (root.namespace().isEmpty() ? " without a namespace"
                    : " in namespace " + root.namespace()) + ": Pronto reads schema versions 2.2 to 6.1, "
                    + "and runs Jakarta Servlet applications (jakarta.servlet); a javax.servlet application needs "
                    + "migrating to the Jakarta namespace first (" + root.location() + ")");
        }
        return version;
    }

    private static boolean fragment(String rootName) {
        return rootName.equals("web-fragment");
    }

    /**
     * A Servlet 2.2 descriptor may map {@code Name} for {@code /Name}: that version did not require the leading
     * slash, and its applications must still deploy (Servlet 2.3 §SRV.11.2, kept by every version since).
     */
    private static List<String> urlPatterns(WebXml xml, XmlElement e) {
        List<String> patterns = e.childTexts("url-pattern");
        if (!"2.2".equals(xml.version)) {
            return patterns;
        }
        List<String> adjusted = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            adjusted.add(pattern.isEmpty() || pattern.startsWith("/") || pattern.startsWith("*.") ? pattern
                    : "/" + pattern);
        }
        return adjusted;
    }

    private static void read(WebXml xml, XmlElement e) {
        switch (e.name()) {
            case "display-name" -> xml.displayName = e.text();
            case "name" -> xml.name = e.text();
            case "absolute-ordering" -> xml.absoluteOrdering = orderingNames(e);
            case "ordering" -> readOrdering(xml, e);
            case "context-param" -> xml.contextParams.putIfAbsent(required(e, "param-name"), value(e, "param-value"));
            case "servlet" -> addServlet(xml, e);
            case "servlet-mapping" -> xml.servletMappings.add(new ServletMappingDef(required(e, "servlet-name"),
                    urlPatterns(xml, e), e.location()));
            case "filter" -> addFilter(xml, e);
            case "filter-mapping" -> xml.filterMappings.add(filterMapping(xml, e));
            case "listener" -> xml.listeners.add(required(e, "listener-class"));
            case "session-config" -> xml.sessionConfig = sessionConfig(e);
            case "mime-mapping" -> xml.mimeMappings.put(required(e, "extension"), required(e, "mime-type"));
            case "welcome-file-list" -> welcomeFiles(xml, e);
            case "error-page" -> addErrorPage(xml, e);
            case "locale-encoding-mapping-list" -> {
                for (XmlElement m : e.children("locale-encoding-mapping")) {
                    xml.localeEncodings.put(required(m, "locale"), required(m, "encoding"));
                }
            }
            case "request-character-encoding" -> xml.requestCharacterEncoding = e.text();
            case "response-character-encoding" -> xml.responseCharacterEncoding = e.text();
            case "default-context-path" -> xml.defaultContextPath = e.text();
            case "deny-uncovered-http-methods" -> xml.denyUncoveredHttpMethods = true;
            case "security-constraint" -> xml.securityConstraints.add(DescriptorSecurity.constraint(e));
            case "login-config" -> xml.loginConfig = DescriptorSecurity.loginConfig(e);
            case "security-role" -> xml.securityRoles.add(required(e, "role-name"));
            case "jsp-config" -> {
                JspConfig config = JspConfigReader.read(e);
                xml.jspConfig = xml.jspConfig == null ? config : xml.jspConfig.plus(config);
                xml.unsupported.add(new Unsupported("JSP <jsp-config>", e.location())); // without a JSP engine
            }
            default -> other(xml, e);
        }
    }

    private static void other(WebXml xml, XmlElement e) {
        String feature = UNSUPPORTED.get(e.name());
        if (feature != null) {
            xml.unsupported.add(new Unsupported(feature + " <" + e.name() + ">", e.location()));
        } else if (!DESCRIPTIVE.contains(e.name())) {
            LOG.warn("{}: ignoring unknown element <{}>", e.location(), e.name());
        }
    }

    private static List<String> orderingNames(XmlElement e) {
        List<String> names = new ArrayList<>();
        for (XmlElement child : e.children()) {
            names.add(child.name().equals("others") ? WebXml.OrderingDef.OTHERS : child.text());
        }
        return names;
    }

    private static void readOrdering(WebXml xml, XmlElement e) {
        XmlElement after = e.child("after");
        XmlElement before = e.child("before");
        if (after != null) {
            xml.after = orderingNames(after);
        }
        if (before != null) {
            xml.before = orderingNames(before);
        }
    }

    private static void addServlet(WebXml xml, XmlElement e) {
        String name = required(e, "servlet-name");
        if (e.child("run-as") != null) {
            xml.runAs.put(name, required(e.child("run-as"), "role-name"));
        }
        for (XmlElement ref : e.children("security-role-ref")) {
            String role = required(ref, "role-name");
            String link = ref.childText("role-link");
            xml.roleRefs.add(new WebXml.RoleRefDef(name, role, link == null ? role : link));
        }
        String jspFile = e.childText("jsp-file");
        if (jspFile != null) {
            xml.unsupported.add(new Unsupported("JSP <jsp-file> " + jspFile + " of servlet " + name, e.location()));
        }
        ServletDef servlet = new ServletDef(name, e.childText("servlet-class"), jspFile, initParams(e),
                loadOnStartup(e), bool(e, "async-supported"), bool(e, "enabled"), multipart(e), e.location());
        ServletDef previous = xml.servlets.get(name);
        xml.servlets.put(name, previous == null ? servlet : previous.fillFrom(servlet));
    }

    private static void addFilter(WebXml xml, XmlElement e) {
        String name = required(e, "filter-name");
        FilterDef filter = new FilterDef(name, e.childText("filter-class"), initParams(e), bool(e, "async-supported"),
                e.location());
        FilterDef previous = xml.filters.get(name);
        xml.filters.put(name, previous == null ? filter : previous.fillFrom(filter));
    }

    private static FilterMappingDef filterMapping(WebXml xml, XmlElement e) {
        Set<DispatcherType> dispatchers = EnumSet.noneOf(DispatcherType.class);
        for (XmlElement d : e.children("dispatcher")) {
            try {
                dispatchers.add(DispatcherType.valueOf(d.text().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ex) {
                throw new DeploymentException("Unknown dispatcher '" + d.text() + "' at " + d.location());
            }
        }
        return new FilterMappingDef(required(e, "filter-name"), urlPatterns(xml, e),
                e.childTexts("servlet-name"), dispatchers.isEmpty() ? EnumSet.of(DispatcherType.REQUEST) : dispatchers,
                e.location());
    }

    private static Map<String, String> initParams(XmlElement e) {
        Map<String, String> params = new LinkedHashMap<>();
        for (XmlElement p : e.children("init-param")) {
            params.putIfAbsent(required(p, "param-name"), value(p, "param-value"));
        }
        return params;
    }

    /** An empty {@code <load-on-startup/>} means "at start, in no particular order" (as 0); a word is an error. */
    private static Integer loadOnStartup(XmlElement e) {
        XmlElement value = e.child("load-on-startup");
        if (value == null) {
            return null;
        }
        return value.text().isEmpty() ? 0 : integer(value);
    }

    private static Boolean bool(XmlElement e, String child) {
        XmlElement value = e.child(child);
        if (value == null) {
            return null;
        }
        String text = value.text();
        if (!text.equals("true") && !text.equals("false")) {
            throw new DeploymentException("<" + child + "> must be true or false, not '" + text + "' at "
                    + value.location());
        }
        return Boolean.valueOf(text);
    }

    private static MultipartConfigElement multipart(XmlElement e) {
        XmlElement m = e.child("multipart-config");
        if (m == null) {
            return null;
        }
        String location = m.childText("location");
        return new MultipartConfigElement(location == null ? "" : location, longValue(m, "max-file-size", -1),
                longValue(m, "max-request-size", -1), (int) longValue(m, "file-size-threshold", 0));
    }

    private static SessionConfigDef sessionConfig(XmlElement e) {
        XmlElement timeout = e.child("session-timeout");
        XmlElement cookie = e.child("cookie-config");
        Map<String, String> attributes = new LinkedHashMap<>();
        String name = null;
        String domain = null;
        String path = null;
        Boolean httpOnly = null;
        Boolean secure = null;
        Integer maxAge = null;
        if (cookie != null) {
            name = cookie.childText("name");
            domain = cookie.childText("domain");
            path = cookie.childText("path");
            httpOnly = bool(cookie, "http-only");
            secure = bool(cookie, "secure");
            XmlElement age = cookie.child("max-age");
            maxAge = age == null ? null : integer(age);
            for (XmlElement a : cookie.children("attribute")) {
                attributes.put(required(a, "attribute-name"), value(a, "attribute-value"));
            }
        }
        return new SessionConfigDef(timeout == null || timeout.text().isEmpty() ? null : integer(timeout), name,
                domain, path, httpOnly, secure, maxAge, attributes, e.childTexts("tracking-mode"));
    }

    private static void welcomeFiles(WebXml xml, XmlElement e) {
        if (xml.welcomeFiles == null) {
            xml.welcomeFiles = new ArrayList<>();
        }
        xml.welcomeFiles.addAll(e.childTexts("welcome-file"));
    }

    private static void addErrorPage(WebXml xml, XmlElement e) {
        XmlElement code = e.child("error-code");
        ErrorPageDef page = new ErrorPageDef(code == null ? null : integer(code), e.childText("exception-type"),
                required(e, "location"), e.location());
        if (!page.location().startsWith("/")) {
            throw new DeploymentException("An error page location must start with '/': '" + page.location()
                    + "' at " + e.location());
        }
        xml.errorPages.putIfAbsent(page.key(), page);
    }

    private static String required(XmlElement e, String child) {
        XmlElement value = e.child(child);
        if (value == null || value.text().isEmpty()) {
            throw new DeploymentException("<" + e.name() + "> needs a <" + child + "> at " + e.location());
        }
        return value.text();
    }

    private static String value(XmlElement e, String child) {
        String text = e.childText(child);
        return text == null ? "" : text;
    }

    private static int integer(XmlElement e) {
        try {
            return Integer.parseInt(e.text());
        } catch (NumberFormatException ex) {
            throw new DeploymentException("<" + e.name() + "> must be a whole number, not '" + e.text() + "' at "
                    + e.location());
        }
    }

    private static long longValue(XmlElement parent, String child, long absent) {
        XmlElement e = parent.child(child);
        if (e == null) {
            return absent;
        }
        try {
            return Long.parseLong(e.text());
        } catch (NumberFormatException ex) {
            throw new DeploymentException("<" + child + "> must be a whole number, not '" + e.text() + "' at "
                    + e.location());
        }
    }
}
