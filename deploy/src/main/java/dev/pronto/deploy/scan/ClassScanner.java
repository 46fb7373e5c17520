package dev.pronto.deploy.scan;

import dev.pronto.deploy.DeploymentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the header of every class file in the given sources with ASM (no code, no debug info, nothing loaded) into
 * a {@link ClassIndex}. Every jar it opens is closed before it returns. Stateless; thread-safe.
 */
public final class ClassScanner {

    private static final Logger LOG = LoggerFactory.getLogger(ClassScanner.class);
    private static final int FLAGS = ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES;

    private ClassScanner() {
    }

    /** Scans {@code sources} in order; the first class of a name wins, as in the class loader. */
    public static ClassIndex scan(List<ClassSource> sources) {
        Map<String, ClassHeader> classes = new LinkedHashMap<>();
        for (ClassSource source : sources) {
            try {
                if (Files.isDirectory(source.path())) {
                    scanDirectory(source, classes);
                } else {
                    scanJar(source, classes);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new DeploymentException("Cannot scan " + source.name() + ": " + e.getMessage(), e);
            }
        }
        return new ClassIndex(classes);
    }

    private static void scanDirectory(ClassSource source, Map<String, ClassHeader> out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source.path())) {
            files = walk.filter(p -> isClassFile(source.path().relativize(p).toString().replace('\\', '/')))
                    .sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                read(in, source, file.toString(), out);
            }
        }
    }

    private static void scanJar(ClassSource source, Map<String, ClassHeader> out) throws IOException {
        try (JarFile jar = new JarFile(source.path().toFile(), false)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && isClassFile(entry.getName())) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        read(in, source, source.name() + "!/" + entry.getName(), out);
                    }
                }
            }
        }
    }

    /** Class files, less module and package descriptors and the other versions of a multi-release jar. */
    private static boolean isClassFile(String relative) {
        return relative.endsWith(".class") && !relative.startsWith("META-INF/")
                && !relative.endsWith("module-info.class") && !relative.endsWith("package-info.class");
    }

    private static void read(InputStream in, ClassSource source, String where, Map<String, ClassHeader> out)
            throws IOException {
        HeaderVisitor visitor = new HeaderVisitor();
        try {
            new ClassReader(in).accept(visitor, FLAGS);
        } catch (RuntimeException e) {
            LOG.warn("Skipping {}: not a class file ASM can read ({})", where, e.toString());
            return;
        }
        if (visitor.name != null && !out.containsKey(visitor.name)) {
            out.put(visitor.name, new ClassHeader(visitor.name, visitor.superName, visitor.interfaces,
                    visitor.classAnnotations, visitor.memberAnnotations, source.name(), source.annotations()));
        }
    }

    private static String binaryName(String internalName) {
        return internalName == null ? null : internalName.replace('/', '.');
    }

    /** Collects one class's header; a new one per class file. */
    private static final class HeaderVisitor extends ClassVisitor {
        String name;
        String superName;
        List<String> interfaces = List.of();
        final Set<String> classAnnotations = new HashSet<>();
        final Set<String> memberAnnotations = new HashSet<>();

        HeaderVisitor() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.name = binaryName(name);
            this.superName = binaryName(superName);
            List<String> names = new ArrayList<>();
            if (interfaces != null) {
                for (String i : interfaces) {
                    names.add(binaryName(i));
                }
            }
            this.interfaces = List.copyOf(names);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            classAnnotations.add(Type.getType(descriptor).getClassName());
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    memberAnnotations.add(Type.getType(annotation).getClassName());
                    return null;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    memberAnnotations.add(Type.getType(annotation).getClassName());
                    return null;
                }
            };
        }
    }
}
