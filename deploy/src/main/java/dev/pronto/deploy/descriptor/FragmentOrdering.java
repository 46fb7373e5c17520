package dev.pronto.deploy.descriptor;

import dev.pronto.deploy.DeploymentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the library jars of a WAR (Servlet 6.1 §8.2.2): the web.xml's {@code <absolute-ordering>}, which also
 * leaves out every jar it does not name when it has no {@code <others/>}; else the fragments' relative
 * {@code <before>}/{@code <after>} constraints, ties broken by jar name. Stateless; thread-safe.
 */
public final class FragmentOrdering {

    private FragmentOrdering() {
    }

    /**
     * The jars that take part, in order. {@code jars} comes in natural order (by file name); a jar left out is
     * neither scanned for annotations nor asked for initializers, and its fragment is not merged.
     */
    public static List<WebFragment> order(WebXml main, List<WebFragment> jars) {
        Map<String, WebFragment> byName = new HashMap<>();
        for (WebFragment jar : jars) {
            if (jar.name() != null && byName.putIfAbsent(jar.name(), jar) != null) {
                throw new DeploymentException("Two web fragments are named " + jar.name() + ": "
                        + byName.get(jar.name()).jarName() + " and " + jar.jarName() + " (Servlet 6.1 §8.2.2)");
            }
        }
        return main.absoluteOrdering != null ? absolute(main.absoluteOrdering, jars, byName) : relative(jars);
    }

    private static List<WebFragment> absolute(List<String> names, List<WebFragment> jars,
                                              Map<String, WebFragment> byName) {
        Set<WebFragment> named = new HashSet<>();
        for (String name : names) {
            if (byName.containsKey(name)) {
                named.add(byName.get(name));
            }
        }
        Set<WebFragment> ordered = new LinkedHashSet<>();
        for (String name : names) {
            if (name.equals(WebXml.OrderingDef.OTHERS)) {
                for (WebFragment jar : jars) {
                    if (!named.contains(jar)) {
                        ordered.add(jar);
                    }
                }
            } else if (byName.containsKey(name)) {
                ordered.add(byName.get(name)); // a name with no fragment is ignored (§8.2.2)
            }
        }
        return List.copyOf(ordered);
    }

    /** Kahn's topological sort; among the jars free to go next, the first in natural order goes. */
    private static List<WebFragment> relative(List<WebFragment> jars) {
        int n = jars.size();
        List<Set<Integer>> successors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            successors.add(new HashSet<>());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (jars.get(i).name() != null) {
                index.put(jars.get(i).name(), i);
            }
        }
        for (int i = 0; i < n; i++) {
            addEdges(jars, i, index, successors);
        }
        int[] incoming = new int[n];
        for (Set<Integer> next : successors) {
            next.forEach(j -> incoming[j]++);
        }
        List<WebFragment> ordered = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int round = 0; round < n; round++) {
            int pick = -1;
            for (int i = 0; i < n && pick < 0; i++) {
                if (!done[i] && incoming[i] == 0) {
                    pick = i;
                }
            }
            if (pick < 0) {
                throw new DeploymentException("The web fragments' <ordering> constraints form a cycle among "
                        + remaining(jars, done) + " (Servlet 6.1 §8.2.2)");
            }
            done[pick] = true;
            ordered.add(jars.get(pick));
            successors.get(pick).forEach(j -> incoming[j]--);
        }
        return ordered;
    }

    private static void addEdges(List<WebFragment> jars, int i, Map<String, Integer> index,
                                 List<Set<Integer>> successors) {
        WebXml xml = jars.get(i).descriptor();
        if (xml == null) {
            return;
        }
        boolean beforeOthers = xml.before.contains(WebXml.OrderingDef.OTHERS);
        boolean afterOthers = xml.after.contains(WebXml.OrderingDef.OTHERS);
        for (int j = 0; j < jars.size(); j++) {
            WebXml other = jars.get(j).descriptor();
            boolean otherBefore = other != null && other.before.contains(WebXml.OrderingDef.OTHERS);
            boolean otherAfter = other != null && other.after.contains(WebXml.OrderingDef.OTHERS);
            if (j != i && beforeOthers && !otherBefore) {
                successors.get(i).add(j);
            }
            if (j != i && afterOthers && !otherAfter) {
                successors.get(j).add(i);
            }
        }
        for (String name : xml.before) {
            Integer j = index.get(name);
            if (j != null && j != i) {
                successors.get(i).add(j);
            }
        }
        for (String name : xml.after) {
            Integer j = index.get(name);
            if (j != null && j != i) {
                successors.get(j).add(i);
            }
        }
    }

    private static List<String> remaining(List<WebFragment> jars, boolean[] done) {
        List<String> left = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            if (!done[i]) {
                left.add(jars.get(i).toString());
            }
        }
        return left;
    }
}
