package dev.pronto.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package cycles inside the bridge (STYLE: packages follow the request's path, dependencies point one way). Reads
 * the compiled classes' constant pools with the JDK alone: every {@code dev/pronto/servlet/...} name a class refers to
 * (class entries, descriptors, signatures) is a dependency of its package.
 */
class PackageCycleTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern NAME = Pattern.compile("dev/pronto/servlet/((?:[a-z][a-z0-9_]*/)*)[A-Z][\\w$]*");

    @Test
    void servletBridgePackagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        assertEquals(List.of(), cycles(graph), "package cycles (each list is a strongly connected set)");
    }

    @Test
    void theScanSeesTheKnownDependencies() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        // a guard against a scan that finds nothing and so no cycles
        assertEquals(true, graph.get("dispatch").contains("request"), graph.toString());
        assertEquals(true, graph.get("request").contains("context"), graph.toString());
    }

    private static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("dev/pronto/servlet"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String from = packageOf(CLASSES.relativize(file).toString().replace('\\', '/'));
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                for (String text : utf8Constants(file)) {
                    Matcher m = NAME.matcher(text);
                    while (m.find()) {
                        String target = pkg(m.group(1));
                        if (!target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
            }
        }
        return graph;
    }

    private static String packageOf(String classFile) {
        String prefix = "dev/pronto/servlet/";
        return pkg(classFile.substring(prefix.length(), classFile.lastIndexOf('/') + 1));
    }

    private static String pkg(String path) {
        return path.isEmpty() ? "(root)" : path.substring(0, path.length() - 1).replace('/', '.');
    }

    /** The CONSTANT_Utf8 entries of a class file (JVMS §4.4): they hold every class name and descriptor it uses. */
    private static List<String> utf8Constants(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // long and double take two slots
                    }
                    default -> throw new IOException("Unknown constant pool tag " + tag + " in " + file);
                }
            }
        }
        return texts;
    }

    /** Tarjan's strongly connected components with more than one package, each sorted. */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> found = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                component.sort(null);
                found.add(component);
            }
        }
    }
}
