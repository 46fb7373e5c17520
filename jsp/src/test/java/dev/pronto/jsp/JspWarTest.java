package dev.pronto.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.deploy.WarDeployment;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A packed WAR with JSP pages, deployed by the WAR deployer: web.xml's jsp-config and jsp-file, TLDs in a jar. */
class JspWarTest {

    private static final String PAGE = "<%@ page contentType=\"text/plain; charset=UTF-8\" %>";
    private static final String MATH_TLD = """
            <taglib xmlns="https://jakarta.ee/xml/ns/jakartaee" version="3.0">
              <tlib-version>1.0</tlib-version><short-name>m</short-name><uri>urn:pronto:math</uri>
              <function><name>max</name><function-class>java.lang.Math</function-class>
                <function-signature>int max(int, int)</function-signature></function>
            </taglib>
            """;
    private static final String TEXT_TLD = """
            <taglib xmlns="https://jakarta.ee/xml/ns/jakartaee" version="3.0">
              <tlib-version>1.0</tlib-version><short-name>t</short-name>
              <function><name>upper</name><function-class>java.lang.String</function-class>
                <function-signature>java.lang.String valueOf(java.lang.Object)</function-signature></function>
            </taglib>
            """;
    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
              <servlet><servlet-name>named</servlet-name><jsp-file>/WEB-INF/views/named.jsp</jsp-file>
                <init-param><param-name>greeting</param-name><param-value>hi</param-value></init-param></servlet>
              <servlet-mapping><servlet-name>named</servlet-name><url-pattern>/named</url-pattern></servlet-mapping>
              <welcome-file-list><welcome-file>index.jsp</welcome-file></welcome-file-list>
              <jsp-config>
                <taglib><taglib-uri>urn:pronto:text</taglib-uri><taglib-location>/WEB-INF/text.tld</taglib-location></taglib>
                <jsp-property-group><url-pattern>*.page</url-pattern></jsp-property-group>
              </jsp-config>
            </web-app>
            """;

    @TempDir
    Path dir;

    @Test
    void deployedWarServesItsPages() throws Exception {
        Map<String, byte[]> jar = new LinkedHashMap<>();
        jar.put("META-INF/math.tld", utf8(MATH_TLD));
        Map<String, byte[]> war = new LinkedHashMap<>();
        war.put("WEB-INF/web.xml", utf8(WEB_XML));
        war.put("WEB-INF/text.tld", utf8(TEXT_TLD));
        war.put("WEB-INF/lib/math.jar", zip(jar));
        war.put("index.jsp", utf8(PAGE + "<%@ taglib prefix=\"m\" uri=\"urn:pronto:math\" %>"
                + "<%@ taglib prefix=\"t\" uri=\"urn:pronto:text\" %>max=${m:max(3, 9)} text=${t:upper('x')}"));
        war.put("WEB-INF/views/named.jsp", utf8(PAGE + "${pageContext.servletConfig.servletName} says "
                + "${pageContext.servletConfig.getInitParameter('greeting')}"));
        war.put("hello.page", utf8(PAGE + "property group page ${1 + 1}"));
        Path file = dir.resolve("shop.war");
        Files.write(file, zip(war));
        Path work = dir.resolve("work");
        ProntoServer server = Pronto.server().config(c -> c.host("127.0.0.1").port(0))
                .webapp(WarDeployment.builder(file).workDirectory(work).build()).start();
        try {
            HttpResponse<String> index = get(server, "/shop/");
            assertEquals(200, index.statusCode(), index.body());
            assertEquals("max=9 text=x", index.body().strip(), "TLDs from WEB-INF/lib and jsp-config taglib");
            assertEquals("named says hi", get(server, "/shop/named").body().strip(), "a <jsp-file> servlet");
            assertEquals("property group page 2", get(server, "/shop/hello.page").body().strip());
            assertEquals(404, get(server, "/shop/WEB-INF/views/named.jsp").statusCode());
            try (Stream<Path> files = Files.walk(work)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("index_jsp.class")
                        && p.toString().contains("-jsp")), "compiled into the work directory");
            }
        } finally {
            server.destroy();
        }
    }

    private static HttpResponse<String> get(ProntoServer server, String path) throws IOException,
            InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = bytes; ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
