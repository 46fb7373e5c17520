package dev.pronto.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds test WARs on disk: an exploded directory whose classes are compiled from source text at test time (so they
 * are not on the test class path), library jars, descriptors; packed into a {@code .war} on request.
 */
final class TestWar {

    static final String JAKARTA = "xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\"";

    private final Path root;

    private TestWar(Path root) {
        this.root = root;
    }

    static TestWar in(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new TestWar(directory);
    }

    /** A web.xml with the Jakarta EE 11 namespace around {@code body}; {@code attributes} go on the root. */
    TestWar webXml(String attributes, String body) throws IOException {
        return file("WEB-INF/web.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<web-app " + JAKARTA + " "
                + attributes + ">\n" + body + "\n</web-app>\n");
    }

    TestWar webXml(String body) throws IOException {
        return webXml("", body);
    }

    TestWar file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /** Compiles {@code sources} into WEB-INF/classes (against the test class path and WEB-INF/classes). */
    TestWar classes(String... sources) throws IOException {
        compile(root.resolve("WEB-INF/classes"), sources);
        return this;
    }

    /** A jar in WEB-INF/lib made of compiled {@code sources} and {@code files} (path, content pairs). */
    TestWar jar(String name, String[] sources, String... files) throws IOException {
        Path staging = Files.createTempDirectory(root.getParent(), "jar-");
        compile(staging, sources);
        for (int i = 0; i < files.length; i += 2) {
            Path file = staging.resolve(files[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i + 1]);
        }
        Path jar = root.resolve("WEB-INF/lib/" + name);
        Files.createDirectories(jar.getParent());
        zip(staging, jar);
        return this;
    }

    Path exploded() {
        return root;
    }

    /** Packs the WAR into {@code war}. */
    Path pack(Path war) throws IOException {
        Files.createDirectories(war.toAbsolutePath().getParent());
        zip(root, war);
        return war;
    }

    static void zip(Path directory, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private void compile(Path output, String... sources) throws IOException {
        if (sources.length == 0) {
            return;
        }
        Files.createDirectories(output);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<SimpleJavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            units.add(new Source(source));
        }
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"))
                .append(java.io.File.pathSeparator).append(root.resolve("WEB-INF/classes"));
        Path lib = root.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.forEach(jar -> classPath.append(java.io.File.pathSeparator).append(jar));
            }
        }
        List<String> options = List.of("-d", output.toString(), "-classpath", classPath.toString(), "--release", "17",
                "-proc:none");
        StringBuilder errors = new StringBuilder();
        boolean ok = compiler.getTask(null, null, d -> errors.append(d).append('\n'), options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("Test WAR sources do not compile:\n" + errors);
        }
    }

    /** One source file given as text; its name comes from its package and first type. */
    private static final class Source extends SimpleJavaFileObject {
        private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+);");
        private static final Pattern TYPE = Pattern.compile("(?:class|interface|enum|record|@interface)\\s+(\\w+)");
        private final String code;

        Source(String code) {
            super(URI.create("string:///" + name(code).replace('.', '/') + ".java"), Kind.SOURCE);
            this.code = code;
        }

        private static String name(String code) {
            Matcher p = PACKAGE.matcher(code);
            Matcher t = TYPE.matcher(code);
            if (!t.find()) {
                throw new IllegalArgumentException("No type in " + code);
            }
            return (p.find() ? p.group(1) + "." : "") + t.group(1);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
