package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** WARs that cannot deploy fail with a message that says why; with ignoreUnsupported their pages answer 501. */
class WarFailuresTest {

    @TempDir
    Path dir;

    private DeploymentException refused(Path war) {
        return assertThrows(DeploymentException.class,
                () -> Pronto.server().webapp(WarDeployment.builder(war).workDirectory(dir.resolve("work")).build())
                        .build()); // descriptor steps run when the server is built
    }

    @Test
    void missingWar() {
        assertTrue(refused(dir.resolve("none.war")).getMessage().startsWith("No WAR file or directory at "));
    }

    @Test
    void malformedWebXmlNamesFileLineAndColumn() throws Exception {
        Path war = TestWar.in(dir.resolve("bad")).file("WEB-INF/web.xml", "<web-app>\n  <servlet>\n</web-app>\n")
                .exploded();
        String message = refused(war).getMessage();
        assertTrue(message.startsWith("Malformed descriptor " + war.resolve("WEB-INF/web.xml") + ":3:"), message);
    }

    @Test
    void aJavaxApplicationIsToldToMigrate() throws Exception {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "old/OldServlet", null, "javax/servlet/http/HttpServlet", null);
        writer.visitEnd();
        Path war = TestWar.in(dir.resolve("old")).exploded();
        Files.createDirectories(war.resolve("WEB-INF/classes/old"));
        Files.write(war.resolve("WEB-INF/classes/old/OldServlet.class"), writer.toByteArray());
        String message = refused(war).getMessage();
        assertTrue(message.contains("javax.servlet") && message.contains("old.OldServlet")
                && message.contains("jakarta.servlet namespace"), message);
    }

    @Test
    void anUndeclaredServletClassNamesItsDeclaration() throws Exception {
        Path war = TestWar.in(dir.resolve("typo")).webXml("""
                <servlet><servlet-name>s</servlet-name><servlet-class>no.Such</servlet-class></servlet>""")
                .jar("x.jar", new String[] {"package x; public class X { }"}).exploded(); // searched, so opened
        String message = refused(war).getMessage();
        assertTrue(message.contains("no.Such") && message.contains("web.xml:3:"), message);
        assertEquals(0, WarDeploymentTest.openFilesUnder(war), "the failed deployment closed its class loader");
    }

    @Test
    void zipSlipIsRefused() throws Exception {
        Path war = dir.resolve("slip.war");
        try (OutputStream out = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../escaped.txt"));
            zip.write(TestWar.utf8("gotcha"));
            zip.closeEntry();
        }
        assertTrue(refused(war).getMessage().contains("points outside the WAR"));
        assertTrue(Files.notExists(dir.resolve("escaped.txt")));
    }

    TestWar secured(String name) throws Exception {
        return TestWar.in(dir.resolve(name)).webXml("""
                <security-constraint>
                  <web-resource-collection><web-resource-name>admin</web-resource-name>
                    <url-pattern>/admin/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>admin</role-name></auth-constraint>
                </security-constraint>
                <login-config><auth-method>BASIC</auth-method></login-config>
                <welcome-file-list><welcome-file>index.jsp</welcome-file><welcome-file>index.html</welcome-file></welcome-file-list>
                """).file("admin/secret.txt", "secret").file("index.jsp", "<%= source %>").file("index.html", "open")
                .file("public.txt", "public");
    }

    @Test
    void securityAndJspAreListedByDefault() throws Exception {
        String message = refused(secured("secured").exploded()).getMessage();
        assertTrue(message.contains("container security <security-constraint>")
                && message.contains("container authentication <login-config>")
                && message.contains("JSP (1 files, e.g. /index.jsp)")
                && message.contains("ignoreUnsupported"), message);
    }

    @Test
    void ignoringUnsupportedNeverServesProtectedPagesOrJspSource() throws Exception {
        Path war = secured("secured").exploded();
        try (Http http = new Http(Pronto.server().webapp(WarDeployment.builder(war).contextPath("/")
                .workDirectory(dir.resolve("work")).ignoreUnsupported(true).build()))) {
            assertEquals("public", http.get("/public.txt").body());
            HttpResponse<String> admin = http.get("/admin/secret.txt");
            assertEquals(501, admin.statusCode());
            assertTrue(admin.body().contains("container security"));
            HttpResponse<String> jsp = http.get("/index.jsp");
            assertEquals(501, jsp.statusCode());
            assertTrue(jsp.body().contains("JSP"));
            assertEquals("open", http.get("/").body(), "a JSP welcome file is skipped, never served as source");
        }
    }
}
