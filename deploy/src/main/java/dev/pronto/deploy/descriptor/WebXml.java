package dev.pronto.deploy.descriptor;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@code web.xml} or {@code web-fragment.xml} declares (Servlet 6.1 §14), or the merge of several
 * ({@link DescriptorMerger}). A plain mutable model filled by {@link WebXmlParser}; used by one deploying thread.
 */
public final class WebXml {

    /** A {@code <servlet>}; absent optional values are {@code null}. */
    public record ServletDef(String name, String className, String jspFile, Map<String, String> initParams,
                             Integer loadOnStartup, Boolean asyncSupported, Boolean enabled,
                             MultipartConfigElement multipart, String location) {

        /** This declaration with what it leaves out taken from {@code other} (§8.2.3: the first declaration wins). */
        ServletDef fillFrom(ServletDef other) {
            Map<String, String> params = new LinkedHashMap<>(other.initParams);
            params.putAll(initParams);
            return new ServletDef(name, className != null ? className : other.className,
                    jspFile != null ? jspFile : other.jspFile, params,
                    loadOnStartup != null ? loadOnStartup : other.loadOnStartup,
                    asyncSupported != null ? asyncSupported : other.asyncSupported,
                    enabled != null ? enabled : other.enabled,
                    multipart != null ? multipart : other.multipart, location);
        }
    }

    /** A {@code <filter>}. */
    public record FilterDef(String name, String className, Map<String, String> initParams, Boolean asyncSupported,
                            String location) {

        FilterDef fillFrom(FilterDef other) {
            Map<String, String> params = new LinkedHashMap<>(other.initParams);
            params.putAll(initParams);
            return new FilterDef(name, className != null ? className : other.className, params,
                    asyncSupported != null ? asyncSupported : other.asyncSupported, location);
        }
    }

    /** A {@code <servlet-mapping>}. */
    public record ServletMappingDef(String servletName, List<String> urlPatterns, String location) {
    }

    /** A {@code <filter-mapping>}; no dispatcher means REQUEST (§6.2.5). */
    public record FilterMappingDef(String filterName, List<String> urlPatterns, List<String> servletNames,
                                   Set<DispatcherType> dispatchers, String location) {
    }

    /** An {@code <error-page>}: by status, by exception type, or global (neither). */
    public record ErrorPageDef(Integer errorCode, String exceptionType, String location, String declaredAt) {

        String key() {
            return errorCode != null ? "code:" + errorCode : exceptionType != null ? "type:" + exceptionType : "*";
        }
    }

    /** {@code <session-config>}: every value optional. */
    public record SessionConfigDef(Integer timeoutMinutes, String cookieName, String cookieDomain, String cookiePath,
                                   Boolean cookieHttpOnly, Boolean cookieSecure, Integer cookieMaxAge,
                                   Map<String, String> cookieAttributes, List<String> trackingModes) {
    }

    /** {@code <absolute-ordering>} of a web.xml, or the {@code <ordering>} of a fragment. */
    public record OrderingDef(List<String> names, boolean others) {
        /** The marker standing for {@code <others/>} in a list of names. */
        public static final String OTHERS = "\u0000others";
    }

    /** An element Pronto cannot honour yet, with what it belongs to and where it was declared. */
    public record Unsupported(String feature, String location) {
        @Override
        public String toString() {
            return feature + " (" + location + ")";
        }
    }

    public String source;
    public boolean fragment;
    public String version;
    public boolean metadataComplete;
    public String name;
    public String displayName;
    public String defaultContextPath;
    public String requestCharacterEncoding;
    public String responseCharacterEncoding;
    public boolean denyUncoveredHttpMethods;
    /** web.xml: {@code <absolute-ordering>}, or null. */
    public List<String> absoluteOrdering;
    /** Fragment: names (and {@link OrderingDef#OTHERS}) it must come after / before. */
    public List<String> after = new ArrayList<>();
    public List<String> before = new ArrayList<>();
    public final Map<String, String> contextParams = new LinkedHashMap<>();
    public final Map<String, ServletDef> servlets = new LinkedHashMap<>();
    public final List<ServletMappingDef> servletMappings = new ArrayList<>();
    public final Map<String, FilterDef> filters = new LinkedHashMap<>();
    public final List<FilterMappingDef> filterMappings = new ArrayList<>();
    public final List<String> listeners = new ArrayList<>();
    public SessionConfigDef sessionConfig;
    public final Map<String, String> mimeMappings = new LinkedHashMap<>();
    /** null when there is no {@code <welcome-file-list>}. */
    public List<String> welcomeFiles;
    public final Map<String, ErrorPageDef> errorPages = new LinkedHashMap<>();
    public final Map<String, String> localeEncodings = new LinkedHashMap<>();
    /** {@code <security-constraint>}s, in order (Servlet 6.1 §13.8 combines them). */
    public final List<dev.pronto.servlet.security.SecurityConstraint> securityConstraints = new ArrayList<>();
    /** {@code <login-config>}, or null. */
    public LoginConfigDef loginConfig;
    /** {@code <security-role>} names. */
    public final List<String> securityRoles = new ArrayList<>();
    /** {@code <security-role-ref>}s of the servlets. */
    public final List<RoleRefDef> roleRefs = new ArrayList<>();
    /** {@code <run-as>} role by servlet name. */
    public final Map<String, String> runAs = new LinkedHashMap<>();
    public final List<Unsupported> unsupported = new ArrayList<>();
    /** {@code <jsp-config>} (taglibs, property groups), or null. */
    public dev.pronto.servlet.jsp.JspConfig jspConfig;

    /** A {@code <login-config>}; absent values are null. */
    public record LoginConfigDef(String authMethod, String realmName, String formLoginPage, String formErrorPage) {
    }

    /** A servlet's {@code <security-role-ref>}: the role name its code uses and the role it links to. */
    public record RoleRefDef(String servletName, String roleName, String roleLink) {
    }

    public WebXml(String source, boolean fragment) {
        this.source = source;
        this.fragment = fragment;
    }

    /** An empty web.xml, for a WAR without one (Servlet 6.1 §14: the descriptor is optional). */
    public static WebXml empty() {
        return new WebXml("(no WEB-INF/web.xml)", false);
    }

    @Override
    public String toString() {
        return source;
    }
}
