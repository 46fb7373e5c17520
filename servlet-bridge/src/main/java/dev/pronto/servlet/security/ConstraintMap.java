package dev.pronto.servlet.security;

import dev.pronto.servlet.mapping.MappingResult;
import dev.pronto.servlet.mapping.ServletMapper;
import dev.pronto.servlet.security.SecurityConstraint.WebResourceCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application's constraints compiled for lookup (Servlet 6.1 §13.8.3): the best-matching constraint URL
 * pattern by the §12.2 mapping rules, then the {@link Access} combined for the request's method at that pattern.
 * Immutable once built; {@link #access} is thread-safe.
 */
public final class ConstraintMap {

    private final ServletMapper<PatternAccess> patterns;
    private final boolean empty;
    private final List<String> uncovered;

    private ConstraintMap(ServletMapper<PatternAccess> patterns, boolean empty, List<String> uncovered) {
        this.patterns = patterns;
        this.empty = empty;
        this.uncovered = List.copyOf(uncovered);
    }

    /** Compiles {@code constraints}; the ones on the same pattern combine per method. */
    public static ConstraintMap of(List<SecurityConstraint> constraints) {
        Map<String, List<Entry>> byPattern = new LinkedHashMap<>();
        for (SecurityConstraint constraint : constraints) {
            for (WebResourceCollection collection : constraint.collections()) {
                for (String pattern : collection.urlPatterns()) {
                    byPattern.computeIfAbsent(pattern, p -> new ArrayList<>()).add(new Entry(collection, constraint));
                }
            }
        }
        ServletMapper.Builder<PatternAccess> builder = ServletMapper.builder();
        List<String> uncovered = new ArrayList<>();
        byPattern.forEach((pattern, entries) -> {
            PatternAccess access = PatternAccess.of(entries);
            builder.add(pattern, pattern, access);
            String methods = access.uncoveredMethods();
            if (methods != null) {
                uncovered.add(pattern + ' ' + methods);
            }
        });
        return new ConstraintMap(builder.build(), byPattern.isEmpty(), uncovered);
    }

    /**
     * The patterns where some methods are uncovered (§13.8.4): only the listed methods are constrained, every
     * other one passes unchecked unless {@code deny-uncovered-http-methods}.
     */
    public List<String> uncoveredPatterns() {
        return uncovered;
    }

    /** Whether there are no constraints at all. */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * What a request for {@code path} (canonical, within the context) with {@code method} must satisfy; null when
     * no constraint pattern matches the path (the request is accepted).
     */
    public Access access(String path, String method) {
        if (empty) {
            return null;
        }
        MappingResult<PatternAccess> match = patterns.map(path);
        return match == null ? null : match.target().access(method);
    }

    /** Whether some constraint pattern matches {@code path}, whatever the method. */
    public boolean matches(String path) {
        return !empty && patterns.map(path) != null;
    }

    private record Entry(WebResourceCollection collection, SecurityConstraint constraint) {
    }

    /**
     * The access per method at one pattern, combined at build time: for each method some collection names
     * (listed or omitted), and for all other methods, which only collections without a method list cover.
     */
    private record PatternAccess(Map<String, Access> named, Access others) {

        static PatternAccess of(List<Entry> entries) {
            Set<String> methods = new LinkedHashSet<>();
            for (Entry e : entries) {
                methods.addAll(e.collection.httpMethods());
                methods.addAll(e.collection.httpMethodOmissions());
            }
            Map<String, Access> named = new HashMap<>();
            for (String method : methods) {
                named.put(method, Access.combine(applying(entries, method)));
            }
            // a method no collection names is covered by the collections listing no methods, or omitting others
            return new PatternAccess(named, Access.combine(applying(entries, null)));
        }

        private static List<SecurityConstraint> applying(List<Entry> entries, String method) {
            List<SecurityConstraint> applying = new ArrayList<>();
            for (Entry e : entries) {
                boolean covers = method == null ? e.collection.httpMethods().isEmpty() : e.collection.covers(method);
                if (covers && !applying.contains(e.constraint)) {
                    applying.add(e.constraint);
                }
            }
            return applying;
        }

        /** Which methods pass unchecked here, in words; null when none. */
        String uncoveredMethods() {
            Set<String> open = new java.util.TreeSet<>();
            Set<String> covered = new java.util.TreeSet<>();
            named.forEach((method, access) -> (access.rule() == Access.Rule.UNCOVERED ? open : covered).add(method));
            if (others.rule() == Access.Rule.UNCOVERED) {
                return "every method but " + covered;
            }
            return open.isEmpty() ? null : open.toString();
        }

        Access access(String method) {
            Access access = named.get(method);
            return access != null ? access : others;
        }
    }
}
