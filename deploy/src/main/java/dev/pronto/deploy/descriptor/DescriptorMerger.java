package dev.pronto.deploy.descriptor;

import dev.pronto.deploy.DeploymentException;
import dev.pronto.deploy.descriptor.WebXml.FilterMappingDef;
import dev.pronto.deploy.descriptor.WebXml.ServletMappingDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the ordered web fragments into the web.xml (Servlet 6.1 §8.2.3): what web.xml declares wins; a servlet or
 * filter declared in several places is one component, its missing values and extra init parameters filled from
 * the later declarations; url patterns of a servlet or filter come from web.xml when it maps it, else from every
 * fragment that does; listeners, welcome files and mappings add up in order; two fragments that give different
 * values to one context parameter, with none in web.xml, are an error. Stateless; thread-safe.
 */
public final class DescriptorMerger {

    private DescriptorMerger() {
    }

    /** A new model: {@code main} with {@code fragments} merged in, in order. Neither input is changed. */
    public static WebXml merge(WebXml main, List<WebFragment> fragments) {
        WebXml merged = copy(main);
        Set<String> mainServletMappings = new HashSet<>();
        main.servletMappings.forEach(m -> mainServletMappings.add(m.servletName()));
        Set<String> mainFilterMappings = new HashSet<>();
        main.filterMappings.forEach(m -> mainFilterMappings.add(m.filterName()));
        for (WebFragment fragment : fragments) {
            if (fragment.descriptor() != null) {
                mergeFragment(main, merged, fragment.descriptor(), mainServletMappings, mainFilterMappings);
            }
        }
        return merged;
    }

    private static WebXml copy(WebXml main) {
        WebXml copy = new WebXml(main.source, false);
        copy.version = main.version;
        copy.metadataComplete = main.metadataComplete;
        copy.displayName = main.displayName;
        copy.defaultContextPath = main.defaultContextPath;
        copy.requestCharacterEncoding = main.requestCharacterEncoding;
        copy.responseCharacterEncoding = main.responseCharacterEncoding;
        copy.denyUncoveredHttpMethods = main.denyUncoveredHttpMethods;
        copy.absoluteOrdering = main.absoluteOrdering;
        copy.contextParams.putAll(main.contextParams);
        copy.servlets.putAll(main.servlets);
        copy.servletMappings.addAll(main.servletMappings);
        copy.filters.putAll(main.filters);
        copy.filterMappings.addAll(main.filterMappings);
        copy.listeners.addAll(main.listeners);
        copy.sessionConfig = main.sessionConfig;
        copy.mimeMappings.putAll(main.mimeMappings);
        copy.welcomeFiles = main.welcomeFiles == null ? null : new ArrayList<>(main.welcomeFiles);
        copy.errorPages.putAll(main.errorPages);
        copy.localeEncodings.putAll(main.localeEncodings);
        copy.securityConstraints.addAll(main.securityConstraints);
        copy.loginConfig = main.loginConfig;
        copy.securityRoles.addAll(main.securityRoles);
        copy.roleRefs.addAll(main.roleRefs);
        copy.runAs.putAll(main.runAs);
        copy.unsupported.addAll(main.unsupported);
        copy.jspConfig = main.jspConfig;
        return copy;
    }

    private static void mergeFragment(WebXml main, WebXml merged, WebXml fragment, Set<String> mainServletMappings,
                                      Set<String> mainFilterMappings) {
        for (Map.Entry<String, String> param : fragment.contextParams.entrySet()) {
            String previous = merged.contextParams.putIfAbsent(param.getKey(), param.getValue());
            if (previous != null && !main.contextParams.containsKey(param.getKey())
                    && !previous.equals(param.getValue())) {
                throw new DeploymentException("Web fragments disagree on context parameter " + param.getKey()
                        + " ('" + previous + "' and '" + param.getValue() + "' in " + fragment.source
                        + "), and web.xml does not settle it (Servlet 6.1 §8.2.3)");
            }
        }
        fragment.servlets.values().forEach(s -> merged.servlets.merge(s.name(), s, (mine, theirs) -> mine.fillFrom(theirs)));
        fragment.filters.values().forEach(f -> merged.filters.merge(f.name(), f, (mine, theirs) -> mine.fillFrom(theirs)));
        for (ServletMappingDef mapping : fragment.servletMappings) {
            if (!mainServletMappings.contains(mapping.servletName())) {
                merged.servletMappings.add(mapping);
            }
        }
        for (FilterMappingDef mapping : fragment.filterMappings) {
            if (!mainFilterMappings.contains(mapping.filterName())) {
                merged.filterMappings.add(mapping);
            }
        }
        for (String listener : fragment.listeners) {
            if (!merged.listeners.contains(listener)) {
                merged.listeners.add(listener);
            }
        }
        if (merged.sessionConfig == null) {
            merged.sessionConfig = fragment.sessionConfig;
        }
        fragment.mimeMappings.forEach(merged.mimeMappings::putIfAbsent);
        fragment.errorPages.forEach(merged.errorPages::putIfAbsent);
        fragment.localeEncodings.forEach(merged.localeEncodings::putIfAbsent);
        if (fragment.welcomeFiles != null) {
            merged.welcomeFiles = merged.welcomeFiles == null ? new ArrayList<>() : merged.welcomeFiles;
            fragment.welcomeFiles.stream().filter(f -> !merged.welcomeFiles.contains(f))
                    .forEach(merged.welcomeFiles::add);
        }
        if (merged.requestCharacterEncoding == null) {
            merged.requestCharacterEncoding = fragment.requestCharacterEncoding;
        }
        if (merged.responseCharacterEncoding == null) {
            merged.responseCharacterEncoding = fragment.responseCharacterEncoding;
        }
        merged.denyUncoveredHttpMethods |= fragment.denyUncoveredHttpMethods;
        // §8.2.3: security constraints, roles and role references add up; the main login-config wins
        merged.securityConstraints.addAll(fragment.securityConstraints);
        if (merged.loginConfig == null) {
            merged.loginConfig = fragment.loginConfig;
        }
        fragment.securityRoles.stream().filter(r -> !merged.securityRoles.contains(r)).forEach(merged.securityRoles::add);
        merged.roleRefs.addAll(fragment.roleRefs);
        fragment.runAs.forEach(merged.runAs::putIfAbsent);
        merged.unsupported.addAll(fragment.unsupported);
        if (fragment.jspConfig != null) { // taglibs and property groups add up, web.xml's first
            merged.jspConfig = merged.jspConfig == null ? fragment.jspConfig : merged.jspConfig.plus(fragment.jspConfig);
        }
    }
}
