package dev.pronto.servlet.mapping;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;

/**
 * The {@link HttpServletMapping} a {@link MappingResult} carries: match value, pattern, servlet name, kind.
 * Immutable and thread-safe, as the interface requires.
 */
final class HttpServletMappingImpl implements HttpServletMapping {

    private final String matchValue;
    private final String pattern;
    private final String servletName;
    private final MappingMatch mappingMatch;

    HttpServletMappingImpl(String matchValue, String pattern, String servletName, MappingMatch mappingMatch) {
        this.matchValue = matchValue;
        this.pattern = pattern;
        this.servletName = servletName;
        this.mappingMatch = mappingMatch;
    }

    @Override
    public String getMatchValue() {
        return matchValue;
    }

    @Override
    public String getPattern() {
        return pattern;
    }

    @Override
    public String getServletName() {
        return servletName;
    }

    @Override
    public MappingMatch getMappingMatch() {
        return mappingMatch;
    }

    @Override
    public String toString() {
        return "HttpServletMapping{matchValue=" + matchValue + ", pattern=" + pattern
                + ", servletName=" + servletName + ", mappingMatch=" + mappingMatch + '}';
    }
}
