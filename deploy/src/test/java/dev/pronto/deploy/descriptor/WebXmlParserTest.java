package dev.pronto.deploy.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.deploy.DeploymentException;
import jakarta.servlet.DispatcherType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** web.xml reading: every supported element, versions and namespaces, and errors with their location. */
class WebXmlParserTest {

    static WebXml parse(String xml) {
        return WebXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "WEB-INF/web.xml",
                false);
    }

    static String webApp(String body) {
        return "<?xml version=\"1.0\"?>\n<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">\n"
                + body + "\n</web-app>";
    }

    @Test
    void readsEverySupportedElement() {
        WebXml xml = parse(webApp("""
                <display-name>Shop</display-name>
                <default-context-path>/shop</default-context-path>
                <request-character-encoding>UTF-8</request-character-encoding>
                <response-character-encoding>UTF-8</response-character-encoding>
                <deny-uncovered-http-methods/>
                <context-param><param-name>a</param-name><param-value> 1 </param-value></context-param>
                <servlet>
                  <servlet-name>s</servlet-name><servlet-class>x.S</servlet-class>
                  <init-param><param-name>i</param-name><param-value>v</param-value></init-param>
                  <load-on-startup/>
                  <enabled>false</enabled>
                  <async-supported>true</async-supported>
                  <multipart-config><max-file-size>10</max-file-size><file-size-threshold>5</file-size-threshold></multipart-config>
                </servlet>
                <servlet-mapping><servlet-name>s</servlet-name><url-pattern>/a</url-pattern><url-pattern>*.b</url-pattern></servlet-mapping>
                <filter><filter-name>f</filter-name><filter-class>x.F</filter-class><async-supported>false</async-supported></filter>
                <filter-mapping><filter-name>f</filter-name><servlet-name>s</servlet-name><dispatcher>FORWARD</dispatcher><dispatcher>error</dispatcher></filter-mapping>
                <filter-mapping><filter-name>f</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                <listener><listener-class>x.L</listener-class></listener>
                <session-config><session-timeout>15</session-timeout>
                  <cookie-config><name>SID</name><path>/</path><secure>true</secure><max-age>60</max-age>
                    <attribute><attribute-name>SameSite</attribute-name><attribute-value>Strict</attribute-value></attribute>
                  </cookie-config><tracking-mode>COOKIE</tracking-mode></session-config>
                <mime-mapping><extension>md</extension><mime-type>text/markdown</mime-type></mime-mapping>
                <welcome-file-list><welcome-file>a.html</welcome-file><welcome-file>b.html</welcome-file></welcome-file-list>
                <error-page><error-code>404</error-code><location>/404.html</location></error-page>
                <error-page><exception-type>java.io.IOException</exception-type><location>/io.html</location></error-page>
                <error-page><location>/any.html</location></error-page>
                <locale-encoding-mapping-list><locale-encoding-mapping><locale>ja</locale><encoding>Shift_JIS</encoding></locale-encoding-mapping></locale-encoding-mapping-list>
                <security-role><role-name>admin</role-name></security-role>
                """));
        assertEquals("Shop", xml.displayName);
        assertEquals("/shop", xml.defaultContextPath);
        assertEquals("UTF-8", xml.requestCharacterEncoding);
        assertTrue(xml.denyUncoveredHttpMethods);
        assertEquals("1", xml.contextParams.get("a"));
        WebXml.ServletDef s = xml.servlets.get("s");
        assertEquals("x.S", s.className());
        assertEquals("v", s.initParams().get("i"));
        assertEquals(0, s.loadOnStartup());
        assertFalse(s.enabled());
        assertTrue(s.asyncSupported());
        assertEquals(10, s.multipart().getMaxFileSize());
        assertEquals(-1, s.multipart().getMaxRequestSize());
        assertEquals(5, s.multipart().getFileSizeThreshold());
        assertEquals(List.of("/a", "*.b"), xml.servletMappings.get(0).urlPatterns());
        assertEquals(Set.of(DispatcherType.FORWARD, DispatcherType.ERROR), xml.filterMappings.get(0).dispatchers());
        assertEquals(Set.of(DispatcherType.REQUEST), xml.filterMappings.get(1).dispatchers());
        assertEquals(List.of("x.L"), xml.listeners);
        assertEquals(15, xml.sessionConfig.timeoutMinutes());
        assertEquals("SID", xml.sessionConfig.cookieName());
        assertTrue(xml.sessionConfig.cookieSecure());
        assertNull(xml.sessionConfig.cookieHttpOnly());
        assertEquals("Strict", xml.sessionConfig.cookieAttributes().get("SameSite"));
        assertEquals("text/markdown", xml.mimeMappings.get("md"));
        assertEquals(List.of("a.html", "b.html"), xml.welcomeFiles);
        assertEquals(3, xml.errorPages.size());
        assertEquals("Shift_JIS", xml.localeEncodings.get("ja"));
        assertTrue(xml.unsupported.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"http://java.sun.com/xml/ns/j2ee,2.4", "http://java.sun.com/xml/ns/javaee,2.5",
            "http://java.sun.com/xml/ns/javaee,3.0", "http://xmlns.jcp.org/xml/ns/javaee,3.1",
            "http://xmlns.jcp.org/xml/ns/javaee,4.0", "https://jakarta.ee/xml/ns/jakartaee,5.0",
            "https://jakarta.ee/xml/ns/jakartaee,6.0", "https://jakarta.ee/xml/ns/jakartaee,6.1"})
    void readsSchemaVersions24To61(String namespace, String version) {
        WebXml xml = parse("<web-app xmlns=\"" + namespace + "\" version=\"" + version + "\"><listener>"
                + "<listener-class>x.L</listener-class></listener></web-app>");
        assertEquals(version, xml.version);
        assertEquals(List.of("x.L"), xml.listeners);
    }

    @ParameterizedTest
    @CsvSource({"2.2,Name,/Name", "2.2,*.do,*.do", "2.2,/x/*,/x/*", "2.3,/Name,/Name"})
    void readsDtdDescriptorsOf22And23(String version, String pattern, String read) {
        WebXml xml = parse("<?xml version=\"1.0\"?><!DOCTYPE web-app PUBLIC \"-//Sun Microsystems, Inc.//DTD Web "
                + "Application " + version + "//EN\" \"http://java.sun.com/dtd/web-app.dtd\"><web-app>"
                + "<servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class></servlet>"
                + "<servlet-mapping><servlet-name>s</servlet-name><url-pattern>" + pattern + "</url-pattern>"
                + "</servlet-mapping></web-app>");
        assertEquals(version, xml.version);
        // Servlet 2.2 did not require the leading slash; later versions do, so only 2.2 patterns get one
        assertEquals(List.of(read), xml.servletMappings.get(0).urlPatterns());
    }

    @Test
    void anUnknownSchemaSaysWhatItNeeds() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> parse(
                "<web-app xmlns=\"http://java.sun.com/xml/ns/j2ee\" version=\"2.3\"></web-app>"));
        assertTrue(e.getMessage().contains("version 2.3") && e.getMessage().contains("2.2 to 6.1")
                && e.getMessage().contains("Jakarta"), e.getMessage());
        assertThrows(DeploymentException.class, () -> parse("<web-app/>"));
        assertThrows(DeploymentException.class, () -> parse("<!DOCTYPE web-app PUBLIC \"-//Acme//DTD Web "
                + "Application 9//EN\" \"http://acme.example/web.dtd\"><web-app/>"));
    }

    @Test
    void malformedXmlFailsWithFileLineAndColumn() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> parse(webApp("<servlet><servlet-name>s</servlet-name>\n</web-app>")));
        assertTrue(e.getMessage().startsWith("Malformed descriptor WEB-INF/web.xml:4:"), e.getMessage());
    }

    @Test
    void aBadValueFailsWithItsLocation() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> parse(webApp(
                "<servlet><servlet-name>s</servlet-name>\n  <load-on-startup>soon</load-on-startup></servlet>")));
        assertTrue(e.getMessage().contains("'soon'") && e.getMessage().contains("WEB-INF/web.xml:4:"), e.getMessage());
        e = assertThrows(DeploymentException.class, () -> parse(webApp("<servlet-mapping><url-pattern>/x</url-pattern>"
                + "</servlet-mapping>")));
        assertTrue(e.getMessage().contains("needs a <servlet-name>"), e.getMessage());
    }

    @Test
    void featuresThatDoNotExistYetAreListedWithTheirLocation() {
        WebXml xml = parse(webApp("""
                <security-constraint><web-resource-collection><url-pattern>/admin/*</url-pattern>
                <http-method>POST</http-method></web-resource-collection>
                <auth-constraint><role-name>admin</role-name></auth-constraint>
                <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>
                </security-constraint>
                <security-constraint><web-resource-collection><url-pattern>/closed/*</url-pattern>
                </web-resource-collection><auth-constraint/></security-constraint>
                <login-config><auth-method>FORM</auth-method><realm-name>r</realm-name><form-login-config>
                <form-login-page>/login.html</form-login-page><form-error-page>/fail.html</form-error-page>
                </form-login-config></login-config>
                <security-role><role-name>admin</role-name></security-role>
                <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class>
                <run-as><role-name>system</role-name></run-as>
                <security-role-ref><role-name>boss</role-name><role-link>admin</role-link></security-role-ref>
                </servlet>
                <jsp-config/>
                <resource-ref><res-ref-name>jdbc/x</res-ref-name></resource-ref>
                <servlet><servlet-name>j</servlet-name><jsp-file>/a.jsp</jsp-file></servlet>
                """));
        List<String> needs = xml.unsupported.stream().map(Object::toString).toList();
        assertEquals(3, needs.size(), needs.toString());
        assertTrue(needs.get(0).startsWith("JSP <jsp-config>"), needs.get(0));
        assertEquals(2, xml.securityConstraints.size());
        var admin = xml.securityConstraints.get(0);
        assertEquals(List.of("/admin/*"), admin.collections().get(0).urlPatterns());
        assertEquals(java.util.Set.of("POST"), admin.collections().get(0).httpMethods());
        assertEquals(java.util.Set.of("admin"), admin.roles());
        assertEquals(java.util.Set.of(), xml.securityConstraints.get(1).roles(), "an empty auth-constraint denies all");
        assertEquals(new WebXml.LoginConfigDef("FORM", "r", "/login.html", "/fail.html"), xml.loginConfig);
        assertEquals(List.of("admin"), xml.securityRoles);
        assertEquals(java.util.Map.of("s", "system"), xml.runAs);
        assertEquals(List.of(new WebXml.RoleRefDef("s", "boss", "admin")), xml.roleRefs);
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        WebXml xml = parse("<?xml version=\"1.0\"?><!DOCTYPE web-app [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                + "<display-name>&x;</display-name></web-app>");
        assertEquals("", xml.displayName);
    }
}
