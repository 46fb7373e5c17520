package dev.pronto.deploy.scan;

import java.util.List;
import java.util.Set;

/**
 * What the scan keeps of one class file: names (binary, with dots), supertypes, the annotations on the class and
 * on its fields and methods, where it came from, and whether its annotations count (§8.1: not in a jar or WAR
 * that is metadata-complete). Immutable.
 */
public record ClassHeader(String name, String superName, List<String> interfaces, Set<String> classAnnotations,
                          Set<String> memberAnnotations, String origin, boolean annotationsCount) {
}
