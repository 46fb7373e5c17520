package dev.pronto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servlet 6.1 §10.7.2: application first, except the JDK's, the Servlet API's and Pronto's own classes. */
class WebAppClassLoaderTest {

    @TempDir
    Path dir;

    @Test
    void delegation() throws Exception {
        Path classes = TestWar.in(dir.resolve("war")).classes(
                "package jakarta.servlet; public class GenericServlet { }",
                "package org.objectweb.asm; public class Opcodes { }",
                "package svc; public interface Api { }")
                .file("WEB-INF/classes/META-INF/services/svc.Api", "war.Impl\n")
                .file("WEB-INF/classes/META-INF/services/java.sql.Driver", "war.Driver\n")
                .file("WEB-INF/classes/shared.txt", "war").exploded().resolve("WEB-INF/classes");
        Path container = dir.resolve("container");
        Files.createDirectories(container.resolve("META-INF/services"));
        Files.writeString(container.resolve("META-INF/services/svc.Api"), "container.Impl\n");
        Files.writeString(container.resolve("META-INF/services/java.sql.Driver"), "container.Driver\n");
        Files.writeString(container.resolve("shared.txt"), "container");
        try (URLClassLoader parent = new URLClassLoader(new URL[] {container.toUri().toURL()},
                getClass().getClassLoader());
             WebAppClassLoader loader = new WebAppClassLoader("t", new URL[] {classes.toUri().toURL()}, parent)) {
            assertSame(loader, loader.loadClass("org.objectweb.asm.Opcodes").getClassLoader(), "application first");
            assertNotSame(loader, loader.loadClass("jakarta.servlet.GenericServlet").getClassLoader(),
                    "the Servlet API always comes from the container");
            assertTrue(loader.getResource("jakarta/servlet/GenericServlet.class").toString().contains(".jar!"));
            assertSame(WarDeployment.class, loader.loadClass(WarDeployment.class.getName()), "Pronto's own");
            assertSame(String.class, loader.loadClass("java.lang.String"));
            assertSame(javax.xml.parsers.SAXParser.class, loader.loadClass("javax.xml.parsers.SAXParser"),
                    "anything the JDK has");
            assertTrue(loader.getResource("shared.txt").getPath().contains("/war/"), "resources too");
            assertEquals(2, Collections.list(loader.getResources("shared.txt")).size());
            List<URL> api = Collections.list(loader.getResources("META-INF/services/svc.Api"));
            assertEquals(1, api.size(), "the container's providers of a type the WAR carries itself are left out");
            assertEquals(2, Collections.list(loader.getResources("META-INF/services/java.sql.Driver")).size());
        }
    }
}
