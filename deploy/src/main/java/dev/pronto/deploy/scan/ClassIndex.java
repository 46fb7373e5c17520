package dev.pronto.deploy.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The class headers of a WAR, by binary name, with the queries deployment needs: classes bearing an annotation,
 * and subtypes of a type (asking {@code external} about supertypes outside the WAR, e.g. {@code HttpServlet}).
 * Immutable; queries are for one thread at a time.
 */
public final class ClassIndex {

    private final Map<String, ClassHeader> classes;

    ClassIndex(Map<String, ClassHeader> classes) {
        this.classes = Map.copyOf(classes);
    }

    public Collection<ClassHeader> classes() {
        return classes.values();
    }

    public ClassHeader get(String name) {
        return classes.get(name);
    }

    public int size() {
        return classes.size();
    }

    /** Classes whose own declaration bears {@code annotation}, among those whose annotations count. */
    public List<ClassHeader> annotatedWith(String annotation) {
        List<ClassHeader> found = new ArrayList<>();
        for (ClassHeader header : classes.values()) {
            if (header.annotationsCount() && header.classAnnotations().contains(annotation)) {
                found.add(header);
            }
        }
        return found;
    }

    /** Classes bearing {@code annotation} on the class, a field or a method (for {@code @HandlesTypes}, §8.2.4). */
    public List<ClassHeader> annotatedAnywhereWith(String annotation) {
        List<ClassHeader> found = new ArrayList<>();
        for (ClassHeader header : classes.values()) {
            if (header.classAnnotations().contains(annotation) || header.memberAnnotations().contains(annotation)) {
                found.add(header);
            }
        }
        return found;
    }

    /**
     * Classes that extend or implement {@code type}, directly or not, other than {@code type} itself. A supertype
     * outside the index is decided by {@code external} (asked once per name).
     */
    public List<ClassHeader> subtypesOf(String type, Predicate<String> external) {
        Map<String, Boolean> memo = new HashMap<>();
        List<ClassHeader> found = new ArrayList<>();
        for (ClassHeader header : classes.values()) {
            if (!header.name().equals(type) && isSubtype(header.name(), type, external, memo)) {
                found.add(header);
            }
        }
        return found;
    }

    private boolean isSubtype(String name, String type, Predicate<String> external, Map<String, Boolean> memo) {
        if (name == null) {
            return false;
        }
        if (name.equals(type)) {
            return true;
        }
        Boolean known = memo.get(name);
        if (known != null) {
            return known;
        }
        memo.put(name, false); // guards against a malformed cyclic hierarchy
        ClassHeader header = classes.get(name);
        boolean result;
        if (header == null) {
            result = external.test(name);
        } else {
            result = isSubtype(header.superName(), type, external, memo);
            for (int i = 0; !result && i < header.interfaces().size(); i++) {
                result = isSubtype(header.interfaces().get(i), type, external, memo);
            }
        }
        memo.put(name, result);
        return result;
    }

    /**
     * Among {@code candidates} (the application's own classes), those extending or implementing a
     * {@code javax.servlet} type: the signs of a Java EE application. (Libraries often carry an optional javax
     * helper; only what the application itself is made of counts.)
     */
    public List<String> javaxServletClasses(Predicate<ClassHeader> candidates) {
        List<String> found = new ArrayList<>();
        for (ClassHeader header : classes.values()) {
            if (!candidates.test(header)) {
                continue;
            }
            boolean javax = header.superName() != null && header.superName().startsWith("javax.servlet.");
            for (String i : header.interfaces()) {
                javax |= i.startsWith("javax.servlet.");
            }
            if (javax) {
                found.add(header.name());
            }
        }
        return found;
    }
}
