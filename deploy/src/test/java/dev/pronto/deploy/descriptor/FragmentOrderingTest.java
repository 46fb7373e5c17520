package dev.pronto.deploy.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.deploy.DeploymentException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Servlet 6.1 §8.2.2: absolute and relative ordering of web fragments. */
class FragmentOrderingTest {

    static WebFragment jar(String jarName, String name, String ordering) {
        String xml = "<web-fragment xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                + (name == null ? "" : "<name>" + name + "</name>") + ordering + "</web-fragment>";
        return new WebFragment(jarName, WebXmlParser.parse(new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)), jarName, true));
    }

    static WebFragment plain(String jarName) {
        return new WebFragment(jarName, null);
    }

    static List<String> names(List<WebFragment> ordered) {
        return ordered.stream().map(WebFragment::jarName).toList();
    }

    static WebXml main(String body) {
        String xml = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">" + body + "</web-app>";
        return WebXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "web.xml", false);
    }

    @Test
    void withoutConstraintsTheNaturalOrderStays() {
        assertEquals(List.of("a.jar", "b.jar", "c.jar"),
                names(FragmentOrdering.order(WebXml.empty(), List.of(plain("a.jar"), plain("b.jar"), plain("c.jar")))));
    }

    @Test
    void relativeOrderingWithNamesAndOthers() {
        List<WebFragment> jars = List.of(
                jar("a.jar", "A", "<ordering><after><others/></after></ordering>"),
                jar("b.jar", "B", "<ordering><after><name>C</name></after></ordering>"),
                jar("c.jar", "C", ""),
                jar("d.jar", "D", "<ordering><before><others/></before></ordering>"),
                plain("e.jar"));
        assertEquals(List.of("d.jar", "c.jar", "b.jar", "e.jar", "a.jar"),
                names(FragmentOrdering.order(WebXml.empty(), jars)));
    }

    @Test
    void aCycleIsAnErrorNamingTheFragments() {
        List<WebFragment> jars = List.of(
                jar("a.jar", "A", "<ordering><after><name>B</name></after></ordering>"),
                jar("b.jar", "B", "<ordering><after><name>A</name></after></ordering>"));
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> FragmentOrdering.order(WebXml.empty(), jars));
        assertTrue(e.getMessage().contains("cycle") && e.getMessage().contains("A (a.jar)"), e.getMessage());
    }

    @Test
    void twoFragmentsOfOneNameAreAnError() {
        assertThrows(DeploymentException.class, () -> FragmentOrdering.order(WebXml.empty(),
                List.of(jar("a.jar", "X", ""), jar("b.jar", "X", ""))));
    }

    @Test
    void absoluteOrderingPlacesOthersAndLeavesOutTheRest() {
        List<WebFragment> jars = List.of(jar("a.jar", "A", ""), jar("b.jar", "B", ""), plain("c.jar"),
                jar("d.jar", "D", "<ordering><before><others/></before></ordering>"));
        assertEquals(List.of("b.jar", "a.jar", "c.jar", "d.jar"), names(FragmentOrdering.order(
                main("<absolute-ordering><name>B</name><others/><name>D</name></absolute-ordering>"), jars)),
                "absolute ordering ignores the fragments' own <ordering>");
        assertEquals(List.of("d.jar", "a.jar"), names(FragmentOrdering.order(
                main("<absolute-ordering><name>D</name><name>missing</name><name>A</name></absolute-ordering>"),
                jars)));
    }

    @Test
    void mergeKeepsWebXmlFirstAndAddsFragmentsInOrder() {
        WebXml web = main("""
                <context-param><param-name>p</param-name><param-value>web</param-value></context-param>
                <servlet><servlet-name>s</servlet-name><load-on-startup>3</load-on-startup></servlet>
                <servlet-mapping><servlet-name>s</servlet-name><url-pattern>/web</url-pattern></servlet-mapping>
                <listener><listener-class>L1</listener-class></listener>
                """);
        WebFragment one = jar("one.jar", "One", """
                <context-param><param-name>p</param-name><param-value>one</param-value></context-param>
                <context-param><param-name>q</param-name><param-value>one</param-value></context-param>
                <servlet><servlet-name>s</servlet-name><servlet-class>S</servlet-class>
                  <init-param><param-name>i</param-name><param-value>1</param-value></init-param>
                  <load-on-startup>9</load-on-startup></servlet>
                <servlet-mapping><servlet-name>s</servlet-name><url-pattern>/frag</url-pattern></servlet-mapping>
                <listener><listener-class>L2</listener-class></listener>
                <listener><listener-class>L1</listener-class></listener>
                """);
        WebXml merged = DescriptorMerger.merge(web, List.of(one));
        assertEquals("web", merged.contextParams.get("p"));
        assertEquals("one", merged.contextParams.get("q"));
        WebXml.ServletDef s = merged.servlets.get("s");
        assertEquals("S", s.className());
        assertEquals(3, s.loadOnStartup());
        assertEquals("1", s.initParams().get("i"));
        assertEquals(1, merged.servletMappings.size(), "web.xml maps s: the fragment's mapping is dropped");
        assertEquals(List.of("L1", "L2"), merged.listeners);
        WebFragment two = jar("two.jar", "Two",
                "<context-param><param-name>q</param-name><param-value>two</param-value></context-param>");
        assertThrows(DeploymentException.class, () -> DescriptorMerger.merge(web, List.of(one, two)));
    }
}
